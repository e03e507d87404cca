import { describe, expect, it } from 'vitest';
import { copySurvey } from '../../src/surveys/survey-copy';
import { formatThaiDate } from '../../src/text/thai-date';
import { SURVEY } from './survey-fixture';

describe('copying last year’s survey', () => {
  it('makes a draft of the new fiscal year with the same questions and new dates', () => {
    const copy = copySurvey(
      { ...SURVEY, copiedFrom: 'sat-2568' },
      { id: 'sat-2570', opensOn: '2027-06-01', closesOn: '2027-06-21' },
    );
    expect(copy).toEqual({
      ...SURVEY,
      id: 'sat-2570',
      title: 'แบบสำรวจความพึงพอใจ ปีงบประมาณ 2570',
      description: 'ผลสำรวจปี 2570 ใช้ปรับปรุงแผนพัฒนาบุคลากร',
      fiscalYear: 2570,
      opensOn: '2027-06-01',
      closesOn: '2027-06-21',
      status: 'draft',
      copiedFrom: 'sat-2569',
    });
    expect(copy.questions).toBe(SURVEY.questions);
  });

  it('counts October in the next fiscal year and moves a 5ส day', () => {
    const fiveS = {
      ...SURVEY,
      kind: 'fiveS' as const,
      title: `เช็กอินกิจกรรม 5ส วันที่ ${formatThaiDate('2026-06-05')}`,
      description: 'กิจกรรม 5ส พื้นที่ อาคารสำนักงาน',
      activity: { date: '2026-06-05', area: 'อาคารสำนักงาน' },
    };
    const keepArea = copySurvey(fiveS, { id: 'f1', opensOn: '2026-10-02', closesOn: '2026-10-09' });
    expect(keepArea).toMatchObject({
      fiscalYear: 2570,
      activity: { date: '2026-10-02', area: 'อาคารสำนักงาน' },
    });
    const moved = copySurvey(fiveS, {
      id: 'f2',
      opensOn: '2026-10-02',
      closesOn: '2026-10-09',
      activity: { date: '2026-10-03', area: 'ตลาดสด' },
    });
    expect(moved).toMatchObject({
      activity: { date: '2026-10-03', area: 'ตลาดสด' },
      title: `เช็กอินกิจกรรม 5ส วันที่ ${formatThaiDate('2026-10-03')}`,
      description: 'กิจกรรม 5ส พื้นที่ ตลาดสด',
    });
    expect(copySurvey(SURVEY, { id: 'x', opensOn: '2026-11-01', closesOn: '2026-11-30' })).not.toHaveProperty(
      'activity',
    );
  });
});
