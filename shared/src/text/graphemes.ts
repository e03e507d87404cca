// LINE counts action labels and displayText in grapheme clusters, while message text limits are
// UTF-16 code units. Thai vowels and tone marks combine with their consonant, so the two differ.
const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

export function graphemeLength(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Cuts to at most `max` grapheme clusters, ending with an ellipsis when something was cut. */
export function truncateGraphemes(text: string, max: number): string {
  if (max <= 0) return '';
  // a cluster is at least one UTF-16 unit: short text fits without segmenting (labels are short)
  if (text.length <= max) return text;
  const parts = Array.from(segmenter.segment(text), (s) => s.segment);
  if (parts.length <= max) return text;
  return `${parts.slice(0, max - 1).join('')}…`;
}

/** Cuts to at most `max` UTF-16 code units without splitting a grapheme cluster. */
export function truncateUtf16(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out}…`;
}

/**
 * Splits long text into pieces of at most `max` UTF-16 units, preferring line breaks, then spaces,
 * and never splitting a grapheme cluster.
 */
export function splitUtf16(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = graphemeBoundaryAtOrBefore(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function graphemeBoundaryAtOrBefore(text: string, index: number): number {
  let boundary = 0;
  for (const { index: i } of segmenter.segment(text)) {
    if (i > index) break;
    boundary = i;
  }
  return boundary > 0 ? boundary : index;
}
