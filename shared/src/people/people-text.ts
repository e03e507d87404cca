// What HR types into a spreadsheet differs from what we store in invisible ways: Excel pads cells,
// Thai text often carries zero-width spaces, and "ำ" (sara am) may be typed as nikhahit + sara aa.
// Matching keys fold all of that; stored text only loses surrounding and doubled spaces.

const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]+/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** A comparison key: NFKC (folds ำ and full-width forms), no whitespace at all, lower case. */
export function matchKey(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** Text worth storing: zero-width characters dropped, trimmed, inner runs of whitespace become one space. */
export function tidyText(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}
