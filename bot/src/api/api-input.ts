import { BAD_FISCAL_YEAR, parseFiscalYear } from '@phattana/shared';
import type { NextFunction, Request, Response } from 'express';

// Small request readers the IDP, hours and team routes share, each answering bad input in Thai.

/**
 * A fiscal year from the request (`?fy=2570` unless another place is named), or this fiscal year; undefined
 * (and a Thai 400 sent) when it is outside the years every page accepts (shared parseFiscalYear).
 */
export function fiscalYearParam(
  req: Request,
  res: Response,
  now: Date,
  raw: unknown = req.query.fy,
): number | undefined {
  const fy = parseFiscalYear(raw, now);
  if (fy === undefined) res.status(400).json({ message: BAD_FISCAL_YEAR });
  return fy;
}

/** A body field that must be a whole number (a version, a fiscal year). */
export const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * A body express.json() could not read: a Thai message instead of express's HTML page. The one JSON
 * error handler of the API: the router installs it after every route module.
 */
export function jsonBodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction) {
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed' || type === 'entity.too.large') {
    res
      .status(type === 'entity.too.large' ? 413 : 400)
      .json({ message: type === 'entity.too.large' ? 'ข้อมูลหรือไฟล์ใหญ่เกินกว่าที่ระบบรับได้' : 'รูปแบบข้อมูลไม่ถูกต้อง' });
    return;
  }
  next(err);
}
