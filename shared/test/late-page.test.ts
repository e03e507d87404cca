import { describe, expect, it } from 'vitest';
import type { LatePerson } from '../src/broadcast/late-api-contract';
import { lateListPage, parseLateCursor } from '../src/owing/late-page';

const person = (employeeId: string, workingDaysLate: number, earliestDue: string): LatePerson => ({
  employeeId,
  name: employeeId,
  divisionId: null,
  divisionName: null,
  reach: { reachable: true },
  reports: [],
  earliestDue,
  workingDaysLate,
});

const late = [person('A2', 12, '2026-11-01'), person('A1', 12, '2026-11-01'), person('B1', 3, '2026-12-10')];
const soon = [person('S2', 0, '2026-12-18'), person('S1', 0, '2026-12-17')];

describe('late list pages', () => {
  it('walks the late (most days first) then the due soon (nearest first), each person once', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 5; n++) {
      const page = lateListPage(late, soon, cursor, 2);
      seen.push(
        ...page.late.map((p) => `L:${p.employeeId}`),
        ...page.dueSoon.map((p) => `S:${p.employeeId}`),
      );
      if (!page.nextCursor) break;
      cursor = parseLateCursor(page.nextCursor);
      expect(cursor).toBe(page.nextCursor);
    }
    expect(seen).toEqual(['L:A1', 'L:A2', 'L:B1', 'S:S1', 'S:S2']);
  });

  it('ends with a null cursor and refuses what it did not make', () => {
    expect(lateListPage(late, soon, undefined, 5).nextCursor).toBeNull();
    expect(lateListPage([], [], undefined, 5)).toEqual({ late: [], dueSoon: [], nextCursor: null });
    expect(parseLateCursor('nonsense')).toBeUndefined();
    expect(parseLateCursor(`L|00001|${'x'.repeat(300)}`)).toBeUndefined();
  });
});
