import { describe, expect, it } from 'vitest';
import {
  formatInviteCode,
  generateInviteCode,
  INVITE_CODE_ALPHABET,
  INVITE_PROBLEM_MESSAGES,
  type Invite,
  isInviteUsable,
  normaliseInviteCode,
} from '../../src/people/invite-code';

/** Deterministic pseudo-random bytes (xorshift), so the tests need no crypto. */
function bytes(seed: number, n = 16): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('invite code alphabet', () => {
  it('has 31 symbols and none of the look-alikes', () => {
    expect(INVITE_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(INVITE_CODE_ALPHABET).size).toBe(31);
    for (const c of '01OIL') expect(INVITE_CODE_ALPHABET).not.toContain(c);
  });
});

describe('generateInviteCode', () => {
  it('makes 8 characters from the alphabet, the same for the same bytes', () => {
    const code = generateInviteCode(bytes(7));
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(generateInviteCode(bytes(7))).toBe(code);
    expect(generateInviteCode(bytes(8))).not.toBe(code);
  });

  it('maps the extremes predictably', () => {
    expect(generateInviteCode(new Uint8Array(12))).toBe('22222222');
  });

  it('uses every symbol in every position over many codes, with no symbol far off its share', () => {
    const counts = new Map<string, number>();
    const positions = Array.from({ length: 8 }, () => new Set<string>());
    const n = 4000;
    for (let i = 1; i <= n; i++) {
      const code = generateInviteCode(bytes(i * 2654435761));
      [...code].forEach((c, p) => {
        positions[p]!.add(c);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      });
    }
    for (const p of positions) expect(p.size).toBe(31);
    const expected = (n * 8) / 31;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.15);
  });

  it('refuses too few random bytes instead of making guessable codes', () => {
    expect(() => generateInviteCode(new Uint8Array(8))).toThrow(RangeError);
  });
});

describe('formatInviteCode and normaliseInviteCode', () => {
  it('groups for display and reads back what people type', () => {
    expect(formatInviteCode('K7PX3MQA')).toBe('K7PX-3MQA');
    for (const typed of [
      'K7PX-3MQA',
      'k7px-3mqa',
      ' k7px 3mqa ',
      'K7PX3MQA',
      'K7PX – 3MQA',
      'Ｋ７ＰＸ－３ＭＱＡ',
    ])
      expect(normaliseInviteCode(typed)).toBe('K7PX3MQA');
  });

  it('rejects wrong lengths and characters that are never in a code', () => {
    expect(normaliseInviteCode('K7PX-3MQ')).toBeUndefined();
    expect(normaliseInviteCode('K7PX-3MQAA')).toBeUndefined();
    expect(normaliseInviteCode('K7P0-3MQA')).toBeUndefined(); // zero
    expect(normaliseInviteCode('K7PO-3MQA')).toBeUndefined(); // letter O
    expect(normaliseInviteCode('K7P1-3MQA')).toBeUndefined();
    expect(normaliseInviteCode('K7PL-3MQA')).toBeUndefined();
    expect(normaliseInviteCode('ขอรหัสหน่อย')).toBeUndefined();
    expect(normaliseInviteCode('')).toBeUndefined();
  });

  it('round-trips generated codes through their display form', () => {
    for (let i = 1; i < 50; i++) {
      const code = generateInviteCode(bytes(i));
      expect(normaliseInviteCode(formatInviteCode(code).toLowerCase())).toBe(code);
    }
  });
});

describe('isInviteUsable', () => {
  const invite: Invite = { code: 'K7PX3MQA', employeeId: 'E010', expiresAt: '2026-11-20T17:00:00+07:00' };
  const at = (iso: string) => new Date(iso);

  it('is ok before expiry and expired from the expiry instant on', () => {
    expect(isInviteUsable(invite, at('2026-11-20T09:59:59Z'))).toBe('ok');
    expect(isInviteUsable(invite, at('2026-11-20T10:00:00Z'))).toBe('expired');
  });

  it('reports used and revoked, revoked first', () => {
    expect(
      isInviteUsable({ ...invite, usedBy: 'U4af4980629c0c5e4b0c1d4f7a3b2e1d0' }, at('2026-11-19T00:00:00Z')),
    ).toBe('used');
    expect(isInviteUsable({ ...invite, revoked: true, usedBy: 'U1' }, at('2026-11-19T00:00:00Z'))).toBe(
      'revoked',
    );
    expect(isInviteUsable({ ...invite, usedBy: 'U1' }, at('2026-12-01T00:00:00Z'))).toBe('used');
  });

  it('reads a bare date as the whole of that day in Thailand, and a zone-less time as Thai time', () => {
    const byDate = { ...invite, expiresAt: '2026-11-20' };
    expect(isInviteUsable(byDate, at('2026-11-20T16:59:59Z'))).toBe('ok'); // 23:59:59 in Bangkok
    expect(isInviteUsable(byDate, at('2026-11-20T17:00:00Z'))).toBe('expired');
    const zoneless = { ...invite, expiresAt: '2026-11-20T17:00' };
    expect(isInviteUsable(zoneless, at('2026-11-20T09:59:00Z'))).toBe('ok');
    expect(isInviteUsable(zoneless, at('2026-11-20T10:00:00Z'))).toBe('expired');
  });

  it('fails closed on an unreadable expiry', () => {
    expect(isInviteUsable({ ...invite, expiresAt: 'เร็วๆ นี้' }, at('2020-01-01T00:00:00Z'))).toBe('expired');
  });

  it('has a Thai reply for every problem', () => {
    expect(Object.keys(INVITE_PROBLEM_MESSAGES).sort()).toEqual(['expired', 'revoked', 'used']);
    for (const m of Object.values(INVITE_PROBLEM_MESSAGES)) expect(m).toMatch(/^รหัสเชิญนี้/);
  });
});
