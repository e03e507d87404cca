import type { Request, Response } from 'express';

// Paged lists: a page size (`?limit=`, default 50, at most 200) and an opaque cursor (`?cursor=`) that
// says where the previous page stopped. The cursor is base64url JSON written by the route that reads
// it; its shape is checked by that route, and anything else (edited, truncated, from another list) is a
// Thai 400, never a 500 or a query Firestore would refuse.

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;
/** Cursors longer than this were not written by us (the longest, a team walk six levels deep, is ~1 kB). */
const CURSOR_MAX_CHARS = 4000;

export const BAD_PAGE_SIZE = `จำนวนรายการต่อหน้าต้องเป็นตัวเลข 1–${PAGE_SIZE_MAX}`;
export const BAD_CURSOR = 'ตำแหน่งหน้าถัดไปไม่ถูกต้อง กรุณาเปิดรายการใหม่ตั้งแต่หน้าแรก';

export interface PageRequest<C> {
  readonly limit: number;
  /** where to resume; undefined on the first page */
  readonly after: C | undefined;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The cursor's value when it is ours and has the list's shape; else undefined. */
export function decodeCursor<C>(raw: string, isShape: (v: unknown) => v is C): C | undefined {
  if (raw.length === 0 || raw.length > CURSOR_MAX_CHARS || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return isShape(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `?limit=` and `?cursor=` of a list request; undefined (and a Thai 400 sent) when either is not one
 * this list wrote or accepts.
 */
export function pageParam<C>(
  req: Request,
  res: Response,
  isShape: (v: unknown) => v is C,
): PageRequest<C> | undefined {
  const { limit: rawLimit, cursor: rawCursor } = req.query;
  let limit = PAGE_SIZE_DEFAULT;
  if (rawLimit !== undefined) {
    const n = typeof rawLimit === 'string' && /^\d{1,4}$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
    if (!(n >= 1 && n <= PAGE_SIZE_MAX)) {
      res.status(400).json({ message: BAD_PAGE_SIZE, errors: { limit: BAD_PAGE_SIZE } });
      return undefined;
    }
    limit = n;
  }
  if (rawCursor === undefined || rawCursor === '') return { limit, after: undefined };
  const after = typeof rawCursor === 'string' ? decodeCursor(rawCursor, isShape) : undefined;
  if (after === undefined) {
    res.status(400).json({ message: BAD_CURSOR, errors: { cursor: BAD_CURSOR } });
    return undefined;
  }
  return { limit, after };
}
