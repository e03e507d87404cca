import { describe, expect, it } from 'vitest';
import { HOLIDAY_KINDS, parseHolidayInput } from '../src/calendar/holiday-list-admin';

// The holiday page's add form, checked without Firestore: each field answered in Thai.

describe('a holiday HR adds', () => {
  it('takes a date, a trimmed-length name and a listed kind (special when none is chosen)', () => {
    expect(parseHolidayInput({ date: ' 2026-12-30 ', name: 'วันหยุดพิเศษเทศบาล' })).toEqual({
      holiday: { date: '2026-12-30', name: 'วันหยุดพิเศษเทศบาล', kind: 'special' },
    });
    for (const kind of HOLIDAY_KINDS)
      expect(parseHolidayInput({ date: '2026-12-30', name: 'วันหยุด', kind })).toHaveProperty(
        'holiday.kind',
        kind,
      );
  });

  it('says what to fix on each field', () => {
    expect(parseHolidayInput({ date: '30/12/2569', name: ' ก ', kind: 'weekend' })).toEqual({
      errors: {
        date: 'กรุณาเลือกวันที่จากปฏิทิน',
        name: 'กรุณาระบุชื่อวันหยุด',
        kind: 'กรุณาเลือกประเภทวันหยุดจากรายการ',
      },
    });
    expect(parseHolidayInput({ date: '2026-12-30', name: 'ก'.repeat(101) })).toEqual({
      errors: { name: 'ชื่อวันหยุดยาวเกินไป ไม่เกิน 100 ตัวอักษร' },
    });
    expect(parseHolidayInput(null)).toHaveProperty('errors.date');
  });
});
