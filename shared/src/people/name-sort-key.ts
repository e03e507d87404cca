// A string whose plain code-point order (Firestore's order for strings) is the Thai dictionary order of
// names, as Intl.Collator('th') sorts them: Firestore cannot order by a collator, so the paged lists
// order by this key stored next to the name. Titles (นาย, นาง, นางสาว…) stay part of the name, as the
// collator sorts the stored name: the lists sorted so before paging, and a title is not always
// separable ("นายก…" is a name, not นาย + ก…).

/** The leading vowels เ แ โ ใ ไ: written before the consonant, sorted after it. */
const LEADING_VOWEL = /^[\u0E40-\u0E44]$/;
const THAI_CONSONANT = /^[\u0E01-\u0E2E]$/;
/** The vowels after, above and below the consonant (ะ ั า ำ ิ ี ึ ื ุ ู) and ๅ of ฤๅ: they count. */
const THAI_VOWEL = /^[\u0E30-\u0E39\u0E45]$/;
/** Tone marks, ็ ์ ํ and ฺ: the collator ignores them at the first level (a secondary difference). */
const THAI_SIGN = /^[\u0E3A\u0E47-\u0E4E]$/;
/** Latin letters sort after Thai in Thai order: moved above the Thai block. */
const LATIN_SHIFT = 0x0f00;
/** Ends the first level: below every character a key holds, so a shorter name sorts first. */
export const NAME_SORT_LEVEL_END = '\u0001';

/** What a character weighs at the first level: '' when the collator ignores it there. */
function firstLevel(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  // Thai digits are the digits
  if (code >= 0x0e50 && code <= 0x0e59) return String.fromCharCode(0x30 + code - 0x0e50);
  if (/^[0-9]$/.test(ch)) return ch;
  if (/^[a-zA-Z]$/.test(ch)) return String.fromCharCode(LATIN_SHIFT + ch.toLowerCase().charCodeAt(0));
  if (THAI_CONSONANT.test(ch) || LEADING_VOWEL.test(ch) || THAI_VOWEL.test(ch)) return ch;
  // spaces, punctuation, ๆ and tone marks: ignored at the first level, as the collator does for Thai
  if (THAI_SIGN.test(ch) || /^[\s\p{P}\p{S}\u0E46\u0E2F]$/u.test(ch)) return '';
  return ch;
}

/**
 * The byte-orderable sort key of a name: each leading vowel moved after the consonant it precedes, tone
 * marks, spaces and punctuation dropped, then the name itself so equal keys still order one way.
 */
export function nameSortKey(name: string): string {
  const chars = Array.from(name.normalize('NFC').trim());
  let primary = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const next = chars[i + 1];
    if (LEADING_VOWEL.test(ch) && next !== undefined && THAI_CONSONANT.test(next)) {
      primary += next + ch;
      i++;
      continue;
    }
    primary += firstLevel(ch);
  }
  return `${primary}${NAME_SORT_LEVEL_END}${name}`;
}
