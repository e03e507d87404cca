import type { MediaRef, PostbackSigner } from '@phattana/shared';

// A report photo shown small in the approver's card is fetched by LINE itself, without anyone's login:
// its address carries a signed, expiring token (HMAC with the postback secret, under its own prefix so
// no postback signature can stand in for it) naming the municipality, the report, the photo and the
// expiry. The municipality is signed too: one deployment serves many, and report ids repeat across them. Anyone
// holding the address sees that one photo until it expires; LIFF shows it full size to the chain only.

/** Long enough for an approver who opens the card a few days later; then LIFF still has it. */
export const PHOTO_LINK_TTL_SECONDS = 7 * 24 * 3600;
/** LINE's limit on a Flex image URL */
export const PHOTO_LINK_MAX_CHARS = 2000;

const PREFIX = 'reportPhoto|';

export function reportPhotoToken(
  signer: PostbackSigner,
  municipalityId: string,
  ref: MediaRef,
  now: Date,
): string {
  const exp = Math.floor(now.getTime() / 1000) + PHOTO_LINK_TTL_SECONDS;
  const payload = Buffer.from(`${municipalityId}|${ref.reportId}|${ref.messageId}|${exp}`).toString(
    'base64url',
  );
  return `${payload}.${signer.sign(PREFIX + payload)}`;
}

export type PhotoTokenCheck =
  | { readonly ok: true; readonly municipalityId: string; readonly ref: MediaRef }
  | { readonly ok: false; readonly why: 'invalid' | 'expired' };

export function checkReportPhotoToken(signer: PostbackSigner, token: string, now: Date): PhotoTokenCheck {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined || !signer.verify(PREFIX + payload, sig))
    return { ok: false, why: 'invalid' };
  const [municipalityId, reportId, messageId, exp, more] = Buffer.from(payload, 'base64url')
    .toString()
    .split('|');
  if (!municipalityId || !reportId || !messageId || !exp || more !== undefined)
    return { ok: false, why: 'invalid' };
  if (Number(exp) * 1000 <= now.getTime()) return { ok: false, why: 'expired' };
  return { ok: true, municipalityId, ref: { reportId, messageId } };
}

/** The card's image address under the bot's public base URL, or none when it has no such address. */
export function reportPhotoLinker(
  signer: PostbackSigner,
  municipalityId: string,
  baseUrl: () => string | undefined,
) {
  return (ref: MediaRef, now: Date): string | undefined => {
    const base = baseUrl();
    if (!base) return undefined;
    const token = reportPhotoToken(signer, municipalityId, ref, now);
    const url = `${base.replace(/\/$/, '')}/media/report-photos/${token}`;
    return url.length <= PHOTO_LINK_MAX_CHARS ? url : undefined;
  };
}
