import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PostbackSigner } from '@phattana/shared';

/** HMAC-SHA256, cut to 128 bits so signed postback data stays well inside LINE's 300 characters. */
export function createHmacPostbackSigner(secret: string): PostbackSigner {
  if (secret.length < 16) throw new Error('postback signing secret must be at least 16 characters');
  const sign = (input: string) => createHmac('sha256', secret).update(input).digest('base64url').slice(0, 22);
  return {
    sign,
    verify(input, signature) {
      const want = Buffer.from(sign(input));
      const got = Buffer.from(signature);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}
