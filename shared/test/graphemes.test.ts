import { describe, expect, it } from 'vitest';
import { graphemeLength, splitUtf16, truncateGraphemes, truncateUtf16 } from '../src/text/graphemes';

describe('grapheme counting for LINE labels', () => {
  it('counts Thai combining vowels and tone marks with their consonant', () => {
    const word = 'ที่นี่'; // 6 code units, 2 graphemes: ที่ + นี่
    expect(word.length).toBe(6);
    expect(graphemeLength(word)).toBe(2);
  });

  it('truncates to the grapheme limit with an ellipsis only when needed', () => {
    expect(truncateGraphemes('สั้น', 20)).toBe('สั้น');
    const long = 'ความเข้าใจในองค์กรและระบบงาน';
    const cut = truncateGraphemes(long, 20);
    expect(graphemeLength(cut)).toBe(20);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it('never splits a grapheme when cutting by UTF-16 units', () => {
    const s = 'นี่'.repeat(10); // each grapheme is 3 units
    const cut = truncateUtf16(s, 8);
    expect(cut.length).toBeLessThanOrEqual(8);
    expect(cut).toBe('นี่นี่…');
  });

  it('splits long text at line breaks into pieces within the limit', () => {
    const line = 'ก'.repeat(60);
    const text = Array.from({ length: 10 }, () => line).join('\n');
    const pieces = splitUtf16(text, 200);
    expect(pieces.every((p) => p.length <= 200)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
  });
});
