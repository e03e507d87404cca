import { describe, expect, it } from 'vitest';
import {
  type ConsentRecord,
  consentRecord,
  LINE_TEXT_MESSAGE_LIMIT,
  needsConsent,
  PRIVACY_NOTICE,
  privacyNoticeText,
} from '../../src/people/privacy-notice';

const params = {
  municipalityName: 'เทศบาลตำบลบ้านสาธิต',
  retentionYears: 10,
  contact: 'งานการเจ้าหน้าที่ สำนักปลัดเทศบาล โทร. 043-123456 อีเมล dpo@bansathit.go.th',
};

describe('privacy notice', () => {
  it('is a dated version', () => {
    expect(PRIVACY_NOTICE.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRIVACY_NOTICE.version).toBe('2026-11-01');
  });

  it('says what is collected, why, for how long, the rights and whom to contact', () => {
    const text = privacyNoticeText(params);
    expect(text.startsWith('ประกาศความเป็นส่วนตัว ระบบพัฒนาบุคลากร "พัฒนา" ของเทศบาลตำบลบ้านสาธิต')).toBe(true);
    expect(text).toContain('(ฉบับลงวันที่ 1 พฤศจิกายน 2569)');
    for (const fact of [
      'รหัสผู้ใช้ LINE',
      'ชื่อที่แสดงใน LINE',
      'การเชื่อมบัญชี LINE กับข้อมูลพนักงาน',
      'คำตอบแบบสำรวจ รายงานผลการฝึกอบรม',
      'แผนพัฒนาบุคลากร',
      'หน้าที่ตามกฎหมายและภารกิจเพื่อประโยชน์สาธารณะ',
      'และอีก 10 ปีหลังพ้นจากตำแหน่ง',
      'ประวัติการฝึกอบรมและพัฒนาเป็นเอกสารราชการ',
      'ขอเข้าถึงและขอรับสำเนา',
      'ขอแก้ไข',
      'ขอลบ',
      'คัดค้าน',
      'ยกเลิกการเชื่อมบัญชี LINE ได้ทุกเมื่อ',
      'สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล',
      'dpo@bansathit.go.th',
    ])
      expect(text).toContain(fact);
    expect(text).not.toMatch(/undefined|\[object|\$\{/);
  });

  it('fits one LINE text message even for a long name and contact', () => {
    const long = {
      municipalityName: 'เทศบาลเมืองบ้านใหม่สามัคคีพัฒนาเจริญรุ่งเรืองศรีสะเกษ',
      retentionYears: 99,
      contact:
        'เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO) งานการเจ้าหน้าที่ สำนักปลัดเทศบาล ชั้น 2 อาคารสำนักงานเทศบาล ' +
        'ถนนราชการดำเนิน ตำบลในเมือง อำเภอเมือง จังหวัดศรีสะเกษ 33000 โทร. 045-611-111 ต่อ 123 ' +
        'อีเมล dpo@banmaisamakkhi.go.th หรือ saraban@banmaisamakkhi.go.th',
    };
    const text = privacyNoticeText(long);
    expect(text.length).toBeLessThanOrEqual(LINE_TEXT_MESSAGE_LIMIT);
    expect(LINE_TEXT_MESSAGE_LIMIT).toBe(5000);
  });

  it('refuses parameters that would break the message or make no sense', () => {
    expect(() => privacyNoticeText({ ...params, contact: 'ก'.repeat(5000) })).toThrow(RangeError);
    expect(() => privacyNoticeText({ ...params, retentionYears: 0 })).toThrow(RangeError);
    expect(() => privacyNoticeText({ ...params, retentionYears: 2.5 })).toThrow(RangeError);
  });
});

describe('needsConsent', () => {
  const granted: ConsentRecord = {
    version: '2026-11-01',
    decision: 'granted',
    at: '2026-11-03T02:15:00.000Z',
    channel: 'line',
  };

  it('asks someone who has never decided', () => {
    expect(needsConsent(undefined, '2026-11-01')).toBe(true);
  });

  it('does not ask again for the same version once granted', () => {
    expect(needsConsent(granted, '2026-11-01')).toBe(false);
    expect(needsConsent(granted)).toBe(false);
  });

  it('asks again when the notice has a new version', () => {
    expect(needsConsent(granted, '2027-04-01')).toBe(true);
  });

  it('keeps asking after a refusal, because nothing may be stored until granted', () => {
    expect(needsConsent({ ...granted, decision: 'declined' }, '2026-11-01')).toBe(true);
  });

  it('records a decision against the current version', () => {
    expect(consentRecord('granted', new Date('2026-11-03T02:15:00Z'))).toEqual(granted);
    expect(consentRecord('declined', new Date('2026-11-03T02:15:00Z'), '2026-12-01')).toMatchObject({
      version: '2026-12-01',
      decision: 'declined',
    });
  });
});
