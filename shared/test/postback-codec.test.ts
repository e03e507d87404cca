import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodePostback,
  encodePostback,
  POSTBACK_DATA_MAX,
  type PostbackSigner,
  PostbackTooLongError,
} from '../src/conversation/postback-codec';

const signer = (secret: string): PostbackSigner => {
  const sign = (s: string) => createHmac('sha256', secret).update(s).digest('base64url').slice(0, 22);
  return {
    sign,
    verify: (s, sig) => {
      const want = Buffer.from(sign(s));
      const got = Buffer.from(sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
};

const now = new Date('2026-11-23T03:00:00Z');

describe('signed postback data', () => {
  it('round-trips a payload with Thai text', () => {
    const data = encodePostback({ a: 'xt.method', m: 'training', t: 'ฝึกอบรม' }, signer('s'), now);
    expect(data.length).toBeLessThanOrEqual(POSTBACK_DATA_MAX);
    expect(decodePostback(data, signer('s'), now)).toEqual({
      ok: true,
      payload: { a: 'xt.method', m: 'training', t: 'ฝึกอบรม' },
    });
  });

  it('refuses data signed with another secret or edited by the client', () => {
    const data = encodePostback({ a: 'x', n: 1 }, signer('s'), now);
    expect(decodePostback(data, signer('other'), now)).toEqual({ ok: false, reason: 'invalid' });
    const [, exp, sig] = data.split('.');
    const forged = `${Buffer.from(JSON.stringify({ a: 'x', n: 2 })).toString('base64url')}.${exp}.${sig}`;
    expect(decodePostback(forged, signer('s'), now)).toEqual({ ok: false, reason: 'invalid' });
    expect(decodePostback('a=1&b=2', signer('s'), now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses expired buttons', () => {
    const data = encodePostback({ a: 'x' }, signer('s'), now, 60);
    expect(decodePostback(data, signer('s'), new Date(now.getTime() + 59_000)).ok).toBe(true);
    expect(decodePostback(data, signer('s'), new Date(now.getTime() + 61_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('throws a typed error instead of sending data LINE would reject', () => {
    expect(() => encodePostback({ a: 'x', big: 'ก'.repeat(200) }, signer('s'), now)).toThrow(
      PostbackTooLongError,
    );
  });
});
