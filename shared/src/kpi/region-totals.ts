import type { DashboardData, IndicatorId } from './indicators';
import { percent, round2 } from './rounding';

// A region (province office, municipal league, the DLA) sees each member municipality's indicators and
// the region's totals. Only counts travel: a municipality's row is its dashboard's headline figures,
// never its divisions or people, and the region's figure is the sum of numerators over the sum of
// denominators (not an average of percentages, which would weigh a 12-person municipality like a 900-person one).

export interface RegionIndicator {
  readonly id: IndicatorId;
  readonly label: string;
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly target: number;
  readonly met: boolean | null;
}

export interface RegionMunicipalityRow {
  readonly municipalityId: string;
  readonly name: string;
  readonly staff: number;
  readonly hours: number;
  readonly indicators: readonly RegionIndicator[];
}

export interface RegionKpis {
  readonly fiscalYear: number;
  readonly municipalities: readonly RegionMunicipalityRow[];
  readonly totals: Omit<RegionMunicipalityRow, 'municipalityId' | 'name'> & {
    readonly municipalities: number;
  };
}

/** One member municipality's row: its headline figures only. */
export function regionRowFrom(municipalityId: string, name: string, d: DashboardData): RegionMunicipalityRow {
  return {
    municipalityId,
    name,
    staff: d.staff,
    hours: d.hours,
    indicators: d.indicators.map((i) => ({
      id: i.id,
      label: i.label,
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      target: i.target,
      met: i.met,
    })),
  };
}

/** The region's totals: counts summed, each percentage recomputed from the sums. */
export function regionKpisFrom(fiscalYear: number, rows: readonly RegionMunicipalityRow[]): RegionKpis {
  const byId = new Map<IndicatorId, RegionIndicator>();
  for (const row of rows)
    for (const i of row.indicators) {
      const sum = byId.get(i.id);
      const numerator = (sum?.numerator ?? 0) + i.numerator;
      const denominator = (sum?.denominator ?? 0) + i.denominator;
      const value = percent(numerator, denominator);
      byId.set(i.id, {
        id: i.id,
        label: i.label,
        numerator,
        denominator,
        value,
        // the region's own bar: the highest member target (the DLA's is the same for all)
        target: Math.max(sum?.target ?? 0, i.target),
        met: null,
      });
    }
  const indicators = [...byId.values()].map((i) => ({
    ...i,
    met: i.value === null ? null : i.value >= i.target,
  }));
  return {
    fiscalYear,
    municipalities: rows,
    totals: {
      municipalities: rows.length,
      staff: rows.reduce((n, r) => n + r.staff, 0),
      hours: round2(rows.reduce((n, r) => n + r.hours, 0)),
      indicators,
    },
  };
}
