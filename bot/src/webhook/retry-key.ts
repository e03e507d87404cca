import { createHash } from 'node:crypto';

/**
 * A stable UUID for the n-th push caused by one webhook event, so a retried or re-run push is
 * accepted by LINE once (X-Line-Retry-Key must be a UUID).
 */
export function retryKeyFor(eventId: string, n: number): string {
  const h = createHash('sha256').update(`${eventId}#${n}`).digest('hex');
  const variant = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
