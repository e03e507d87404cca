import type { ReportPhotoError } from '@phattana/shared';
import { LineApiError } from '../line/line-api-error';
import type { LineClient } from '../line/line-client';
import { readImageHeader } from './image-header';

/** LINE's own limit for an image message; anything larger is not a photo the person meant to send. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export type FetchedPhoto =
  | { readonly kind: 'ok'; readonly body: Buffer; readonly contentType: string; readonly bytes: number }
  /** not kept: why, and what LINE said it was (absent when LINE no longer had it) */
  | {
      readonly kind: 'refused';
      readonly error: ReportPhotoError;
      readonly contentType?: string;
      readonly bytes?: number;
    };

/**
 * Fetches a photo's bytes from LINE and checks them by content (a JPEG, PNG, GIF or WebP whose header
 * decodes to a sane size), for every feature that keeps photos (reports, surveys). LINE outages throw, so the caller's task is retried; a 404 means the content has expired
 * and is an answer, not a failure.
 */
export async function fetchLinePhoto(line: LineClient, messageId: string): Promise<FetchedPhoto> {
  let content: { body: Buffer; contentType: string };
  try {
    content = await line.getContent(messageId);
  } catch (err) {
    if (err instanceof LineApiError && err.status === 404) return { kind: 'refused', error: 'expired' };
    throw err;
  }
  // what LINE says the content is only goes on record; the bytes decide (and name the stored type)
  const declared = content.contentType.split(';')[0]!.trim().toLowerCase();
  const bytes = content.body.length;
  if (bytes > PHOTO_MAX_BYTES) return { kind: 'refused', error: 'tooLarge', contentType: declared, bytes };
  const image = readImageHeader(content.body);
  if (!image) return { kind: 'refused', error: 'notAnImage', contentType: declared, bytes };
  return { kind: 'ok', body: content.body, contentType: image.contentType, bytes };
}
