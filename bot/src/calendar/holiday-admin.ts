import { type IsoDate, isIsoDate, THAI_GOVERNMENT_HOLIDAYS } from '@phattana/shared';
import { type CollectionReference, Timestamp } from 'firebase-admin/firestore';

// HR's edits to the holiday list. The list is data (municipalities/{m}/holidays/{date}); a removed
// government holiday stays as a `removed` marker so it does not come back from the shipped list.

export class HolidayInputError extends Error {
  override readonly name = 'HolidayInputError';
}

export type HolidayKind = 'public' | 'substitution' | 'special' | 'local';

/** First use: the municipality's list starts as the shipped government holidays. */
export async function seedGovernmentHolidays(holidays: CollectionReference): Promise<number> {
  const existing = await holidays.limit(1).get();
  if (!existing.empty) return 0;
  const batch = holidays.firestore.batch();
  for (const h of THAI_GOVERNMENT_HOLIDAYS) batch.set(holidays.doc(h.date), { ...h, source: 'shipped' });
  await batch.commit();
  return THAI_GOVERNMENT_HOLIDAYS.length;
}

export async function addHoliday(
  holidays: CollectionReference,
  h: { date: IsoDate; name: string; kind?: HolidayKind; by: string },
  now: Date,
): Promise<void> {
  if (!isIsoDate(h.date)) throw new HolidayInputError(`วันที่ "${h.date}" ไม่ถูกต้อง (ใช้รูปแบบ YYYY-MM-DD)`);
  if (h.name.trim().length < 2) throw new HolidayInputError('กรุณาระบุชื่อวันหยุด');
  await holidays.doc(h.date).set({
    date: h.date,
    name: h.name.trim(),
    kind: h.kind ?? 'special',
    source: 'hr',
    by: h.by,
    at: Timestamp.fromDate(now),
  });
}

export async function removeHoliday(
  holidays: CollectionReference,
  date: IsoDate,
  by: string,
  now: Date,
): Promise<void> {
  if (!isIsoDate(date)) throw new HolidayInputError(`วันที่ "${date}" ไม่ถูกต้อง (ใช้รูปแบบ YYYY-MM-DD)`);
  await holidays.doc(date).set({ date, removed: true, by, at: Timestamp.fromDate(now) }, { merge: true });
}
