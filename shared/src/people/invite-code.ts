// HR hands each person a one-time code to link their LINE account to their staff record. People read
// it off paper and type it on a phone, so the alphabet leaves out look-alikes (0/O, 1/I/L) and
// whatever they type (lower case, spaces, a dash, full-width letters) is folded back to one form.
// Guessing is limited by expiry, single use and the bot's attempt limits, not by the code alone.

/** 31 symbols: digits 2–9 and A–Z without I, L and O. */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
/** Random bytes generateInviteCode needs at least; more only lowers the (already negligible) bias. */
export const INVITE_CODE_MIN_RANDOM_BYTES = 12;

/**
 * A new code in its stored form ('ABCDEFGH'); show it with formatInviteCode. The randomness comes
 * from the caller (crypto.getRandomValues at the edge) so this stays pure and testable.
 */
export function generateInviteCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < INVITE_CODE_MIN_RANDOM_BYTES)
    throw new RangeError(`generateInviteCode needs at least ${INVITE_CODE_MIN_RANDOM_BYTES} random bytes`);
  // Read the bytes as one big number and take base-31 digits: with 96+ bits against 31^8 (~40 bits)
  // the modulo bias is below 2^-56, and unlike rejection sampling it can never run out of bytes.
  let n = 0n;
  for (const b of randomBytes) n = (n << 8n) | BigInt(b);
  const base = BigInt(INVITE_CODE_ALPHABET.length);
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) {
    code += INVITE_CODE_ALPHABET[Number(n % base)];
    n /= base;
  }
  return code;
}

/** 'ABCDEFGH' → 'ABCD-EFGH', easier to read aloud and to copy. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What someone typed, in stored form, or undefined when it cannot be a code. Never guesses a
 * replacement for a left-out character: 'O' for '0' would still point at nobody.
 */
export function normaliseInviteCode(input: string): string | undefined {
  const code = input
    .normalize('NFKC')
    .replace(/[\s\-_.\u2010-\u2015\u2212]/g, '')
    .toUpperCase();
  if (code.length !== INVITE_CODE_LENGTH) return undefined;
  for (const c of code) if (!INVITE_CODE_ALPHABET.includes(c)) return undefined;
  return code;
}

export interface Invite {
  readonly code: string;
  readonly employeeId: string;
  /**
   * ISO datetime. Without an offset it is Thai time; a bare 'YYYY-MM-DD' means the code works through
   * that whole day in Thailand, because that is what "ใช้ได้ถึงวันที่ …" on the printed slip means.
   */
  readonly expiresAt: string;
  /** LINE user id that redeemed it */
  readonly usedBy?: string;
  readonly revoked?: boolean;
}

export type InviteUsability = 'ok' | 'expired' | 'used' | 'revoked';

/** Thai replies for an invite that cannot be used. */
export const INVITE_PROBLEM_MESSAGES: Record<Exclude<InviteUsability, 'ok'>, string> = {
  expired: 'รหัสเชิญนี้หมดอายุแล้ว กรุณาขอรหัสใหม่จากฝ่ายบุคคล',
  used: 'รหัสเชิญนี้ถูกใช้ไปแล้ว หากไม่ใช่ท่านเป็นผู้ใช้ กรุณาแจ้งฝ่ายบุคคลทันที',
  revoked: 'รหัสเชิญนี้ถูกยกเลิกแล้ว กรุณาขอรหัสใหม่จากฝ่ายบุคคล',
};

/**
 * Whether an invite can link an account now. Revoked wins over used, used over expired, so the
 * reply names the most useful fact. An expiry that cannot be read counts as expired (fail closed).
 */
export function isInviteUsable(invite: Invite, now: Date): InviteUsability {
  if (invite.revoked) return 'revoked';
  if (invite.usedBy) return 'used';
  const expires = expiryInstant(invite.expiresAt);
  if (Number.isNaN(expires) || now.getTime() >= expires) return 'expired';
  return 'ok';
}

/** Epoch ms from which the invite no longer works; NaN when unreadable. Never the host's time zone. */
function expiryInstant(expiresAt: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(expiresAt)) return Date.parse(`${expiresAt}T00:00:00+07:00`) + 86_400_000;
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(expiresAt)) return Date.parse(`${expiresAt}+07:00`);
  return Date.parse(expiresAt);
}
