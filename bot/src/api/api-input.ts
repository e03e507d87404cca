import { fiscalYearOfInstant } from '@phattana/shared';
import type { NextFunction, Request, Response } from 'express';

// Small request readers the IDP, hours and team routes share, each answering bad input in Thai.

/** `?fy=2570`, or this fiscal year; undefined (and a 400 sent) when it is not a plausible year. */
export function fiscalYearParam(req: Request, res: Response, now: Date): number | undefined {
  const raw = req.query.fy;
  if (raw === undefined || raw === '') return fiscalYearOfInstant(now);
  const fy = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  const current = fiscalYearOfInstant(now);
  if (Number.isInteger(fy) && fy >= current - 20 && fy <= current + 1) return fy;
  res.status(400).json({ message: 'ปีงบประมาณไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2570)' });
  return undefined;
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
