import { describe, expect, it } from 'vitest';
import { politeName } from '../../src/people/polite-name';

describe('politeName: one honorific, never two', () => {
  it('keeps a name that carries its title', () => {
    for (const n of [
      'นางสาวจิราพร สายทอง',
      'นายสมชาย ใจดี',
      'นางวันเพ็ญ ศรีสวัสดิ์',
      'ดร.สมศรี มีสุข',
      'ว่าที่ร้อยตรีกล้า หาญ',
      'คุณมะลิ',
    ])
      expect(politeName(n)).toBe(n);
  });

  it('adds คุณ to a bare name (e.g. a LINE display name)', () => {
    expect(politeName('จิราพร')).toBe('คุณจิราพร');
    expect(politeName(' Jiraporn ')).toBe('คุณJiraporn');
  });
});
