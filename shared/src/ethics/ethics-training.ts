import { type Division, STAFF_TYPE_LABELS, type StaffType } from '../domain/organisation';
import { type FyStats, NO_DIVISION, type StaffStats } from '../kpi/fy-stats';
import { percent } from '../kpi/rounding';

// Mandatory ethics training (อบรมด้านคุณธรรมและจริยธรรม ทุกระดับ): per division and staff type, how
// many active people have an entry in the ethics curriculum this fiscal year, from the maintained
// stats (stats/fy<year>.ethicsByGroup over stats/staff.activeByGroup), so the view reads no ledger.

export interface EthicsCell {
  readonly staffType: string;
  readonly label: string;
  readonly trained: number;
  readonly staff: number;
}

export interface EthicsDivisionRow {
  readonly divisionId: string;
  readonly name: string;
  readonly cells: readonly EthicsCell[];
  readonly trained: number;
  readonly staff: number;
}

export interface EthicsTrainingTable {
  /** staff types that have anyone, in the order of STAFF_TYPE_LABELS, then unknown ones */
  readonly staffTypes: readonly { readonly id: string; readonly label: string }[];
  readonly rows: readonly EthicsDivisionRow[];
  readonly trained: number;
  readonly staff: number;
  /** percent with one decimal; null with nobody on staff */
  readonly percent: number | null;
  /** active people without an entry (can be reminded) */
  readonly missing: number;
}

export function ethicsTrainingTable(
  stats: Pick<FyStats, 'ethicsByGroup'>,
  staff: Pick<StaffStats, 'activeByGroup'>,
  divisions: readonly Division[],
  noDivisionName: string,
): EthicsTrainingTable {
  const known = Object.keys(STAFF_TYPE_LABELS);
  const present = new Set(Object.values(staff.activeByGroup).flatMap((g) => Object.keys(g)));
  const types = [
    ...known.filter((t) => present.has(t)),
    ...[...present].filter((t) => !known.includes(t)).sort(),
  ];
  const names = new Map(divisions.map((d) => [d.id, d.name]));
  const ids = [
    ...divisions.map((d) => d.id).filter((id) => staff.activeByGroup[id] !== undefined),
    ...Object.keys(staff.activeByGroup)
      .filter((id) => !names.has(id))
      .sort(),
  ];
  const rows = ids.map((id): EthicsDivisionRow => {
    const cells = types.map((t): EthicsCell => {
      const people = staff.activeByGroup[id]?.[t] ?? 0;
      // someone who left after training still counts in the stats: never more trained than on staff
      const trained = Math.min(people, stats.ethicsByGroup[id]?.[t] ?? 0);
      return { staffType: t, label: STAFF_TYPE_LABELS[t as StaffType] ?? t, trained, staff: people };
    });
    return {
      divisionId: id,
      name: names.get(id) ?? (id === NO_DIVISION ? noDivisionName : id),
      cells,
      trained: cells.reduce((n, c) => n + c.trained, 0),
      staff: cells.reduce((n, c) => n + c.staff, 0),
    };
  });
  const trained = rows.reduce((n, r) => n + r.trained, 0);
  const total = rows.reduce((n, r) => n + r.staff, 0);
  return {
    staffTypes: types.map((id) => ({ id, label: STAFF_TYPE_LABELS[id as StaffType] ?? id })),
    rows,
    trained,
    staff: total,
    percent: percent(trained, total),
    missing: total - trained,
  };
}
