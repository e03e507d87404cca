import { describe, expect, it } from 'vitest';
import { DEFAULT_MUNICIPALITY_SETTINGS, parseMunicipalityFile } from '../../src/domain/municipality-file';

const good = {
  name: ' เทศบาลตำบลบ้านใหม่ ',
  province: 'ขอนแก่น',
  divisions: [
    { id: 'palad', name: 'สำนักปลัดเทศบาล' },
    { id: 'finance', name: 'กองคลัง' },
  ],
};

const errorsOf = (raw: unknown, id = 'banmai') => {
  const r = parseMunicipalityFile(id, raw);
  if (!('errors' in r)) throw new Error('expected errors');
  return r.errors;
};

describe('parseMunicipalityFile', () => {
  it('accepts a file without settings and names none, so a re-run resets nothing', () => {
    const r = parseMunicipalityFile('banmai', good);
    expect(r).toEqual({
      file: {
        id: 'banmai',
        name: 'เทศบาลตำบลบ้านใหม่',
        province: 'ขอนแก่น',
        divisions: good.divisions,
        settings: {},
      },
    });
  });

  it('keeps only the settings the file gives, checked by the settings page rules', () => {
    const r = parseMunicipalityFile('banmai', {
      ...good,
      settings: { yearlyHoursTarget: '36', approvalChain: { stopAtRole: 'executive', maxSteps: 2 } },
    });
    if (!('file' in r)) throw new Error(JSON.stringify(r.errors));
    expect(r.file.settings).toEqual({
      yearlyHoursTarget: 36,
      approvalChain: { stopAtRole: 'executive', maxSteps: 2 },
    });
    expect('surveyMinGroupSize' in r.file.settings).toBe(false);
    expect(DEFAULT_MUNICIPALITY_SETTINGS.surveyMinGroupSize).toBe(5);
  });

  it('names every bad field in Thai', () => {
    const errors = errorsOf(
      {
        name: '',
        divisions: [
          { id: 'palad', name: 'สำนักปลัดเทศบาล' },
          { id: 'palad', name: 'กองคลัง' },
          { id: 'กองช่าง', name: 'กองช่าง' },
          { id: 'health', name: 'สำนักปลัดเทศบาล' },
          'กองการศึกษา',
        ],
        settings: {
          yearlyHoursTarget: 900,
          surveyMinGroupSize: 2,
          approvalChain: { stopAtRole: 'mayor' },
          retention: 10,
        },
      },
      'บ้านใหม่',
    );
    expect(errors).toEqual({
      id: expect.stringContaining('รหัสเทศบาล'),
      name: 'กรุณาระบุชื่อเทศบาล',
      province: 'กรุณาระบุจังหวัด',
      'divisions[1].id': 'รหัสกอง/สำนัก "palad" ซ้ำกับลำดับก่อนหน้า',
      'divisions[2].id': expect.stringContaining('รหัสกอง/สำนักลำดับที่ 3'),
      'divisions[3].name': 'ชื่อกอง/สำนัก "สำนักปลัดเทศบาล" ซ้ำกับลำดับก่อนหน้า',
      'divisions[4]': 'กอง/สำนักลำดับที่ 5 ต้องมี id และ name',
      'settings.retention': expect.stringContaining('ไม่รู้จักการตั้งค่า "retention"'),
      'settings.yearlyHoursTarget': 'เป้าหมายชั่วโมงอบรมต่อปีต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 500',
      'settings.surveyMinGroupSize': 'จำนวนผู้ตอบขั้นต่ำที่จะแสดงผลแยกกองต้องเป็นจำนวนเต็มตั้งแต่ 3 ถึง 50',
      'settings.approvalChain.stopAtRole': 'กรุณาเลือกบทบาทจากรายการ',
    });
  });

  it('needs at least one division and an object file', () => {
    expect(errorsOf({ ...good, divisions: [] }).divisions).toContain('อย่างน้อยหนึ่งหน่วยงาน');
    expect(Object.keys(errorsOf([good]))).toEqual(['file']);
    expect(errorsOf({ ...good, name: 'ก'.repeat(101) }).name).toBe('ชื่อเทศบาลยาวเกิน 100 ตัวอักษร');
  });
});
