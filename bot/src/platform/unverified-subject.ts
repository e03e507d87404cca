import { isLineUserId } from '@phattana/shared';

/**
 * The `sub` of a bearer ID token, read WITHOUT checking its signature: only to pick which municipality's
 * API answers. That API verifies the token itself before reading anything, so a forged token only
 * reaches a bot that refuses it.
 */
export function unverifiedSubject(authorization: string | undefined): string | undefined {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return isLineUserId(sub) ? sub : undefined;
  } catch {
    return undefined;
  }
}
