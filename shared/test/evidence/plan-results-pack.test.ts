import { describe, expect, it } from 'vitest';
import { planResultsPack } from '../../src/evidence/plan-results-pack';
import { emptyFyStats, type FyStats, staffStatsFrom } from '../../src/kpi/fy-stats';
import { dashboardFrom, INDICATOR_IDS, type IndicatorId } from '../../src/kpi/indicators';

const staff = staffStatsFrom(
  Array.from({ length: 10 }, (_, i) => ({
    divisionId: 'palad',
    jobLine: 'บริหารงานทั่วไป',
    staffType: i < 6 ? 'municipalEmployee' : 'missionEmployee',
  })),
);
const stats: FyStats = {
  ...emptyFyStats(2570),
  developed: 8,
  hours: 120,
  entries: 10,
  reportsDue: 10,
  reportsFiled: 9,
  reportsOnTime: 9,
  byDivision: { palad: { developed: 8, hours: 120, reportsDue: 10, reportsFiled: 9 } },
  ethicsByGroup: { palad: { municipalEmployee: 6, missionEmployee: 4 } },
};
const dashboard = (targets: Partial<Record<IndicatorId, number>>, s: FyStats = stats) =>
  dashboardFrom({
    stats: s,
    staff,
    surveys: [],
    divisions: [{ id: 'palad', name: 'สำนักปลัดเทศบาล' }],
    hoursTarget: 0,
    targets,
    years: [2570],
  });

describe('ITA 038 plan-results pack', () => {
  it('passes at the boundary (every measured indicator exactly at its target) and not 0.1 above it', () => {
    const base = dashboard({});
    const atTarget = Object.fromEntries(
      base.indicators.filter((i) => i.value !== null).map((i) => [i.id, i.value as number]),
    );
    const measured = Object.keys(atTarget).length;
    expect(measured).toBeGreaterThan(1);
    const p = planResultsPack(dashboard(atTarget));
    expect(p.met).toBe(true);
    expect(p.result).toContain(`ผ่านเป้าหมาย ${measured} จาก ${measured} ตัวชี้วัด`);
    const above = planResultsPack(dashboard({ ...atTarget, developed: 80.1 }));
    expect(above.met).toBe(false);
    expect(above.rows.find((r) => r[1] === 'บุคลากรได้รับการพัฒนาอย่างน้อย 1 ครั้ง')?.slice(2, 5)).toEqual([
      8, 10, 80,
    ]);
  });

  it('lists every indicator (unmeasured ones with a dash) and the ethics training of all staff types', () => {
    const p = planResultsPack(dashboard({}));
    expect(p.rows).toHaveLength(INDICATOR_IDS.length + 1);
    const unmeasured = p.rows.find((r) => r[1] === 'เข้าร่วมกิจกรรม 5ส');
    expect(unmeasured?.[4]).toBe('–');
    expect(p.rows.at(-1)).toEqual([
      INDICATOR_IDS.length + 1,
      'บุคลากรได้รับการอบรมคุณธรรมจริยธรรม (ทุกระดับ)',
      10,
      10,
      100,
      'ร้อยละ 100',
      'ผ่าน',
    ]);
    const short = planResultsPack(
      dashboard({}, { ...stats, ethicsByGroup: { palad: { municipalEmployee: 6 } } }),
    );
    expect(short.rows.at(-1)?.slice(2)).toEqual([6, 10, 60, 'ร้อยละ 100', 'ยังไม่ได้อบรม 4 คน']);
  });

  it('does not pass a year with nothing measured', () => {
    const p = planResultsPack(
      dashboardFrom({
        stats: emptyFyStats(2571),
        staff: staffStatsFrom([]),
        surveys: [],
        divisions: [],
        hoursTarget: 0,
        years: [2571],
      }),
    );
    expect(p).toMatchObject({ met: false, result: 'ยังไม่มีผลการพัฒนาในปีนี้' });
    expect(p.basis).toContain('แผนพัฒนาบุคลากรของเทศบาล');
  });
});
