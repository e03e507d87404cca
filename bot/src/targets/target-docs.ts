import {
  type TargetIndicatorId,
  type TargetRule,
  type TargetYear,
  targetYearFromData,
  targetYearId,
} from '@phattana/shared';
import { type CollectionReference, type Firestore, Timestamp } from 'firebase-admin/firestore';

// The `targets` collection: one document per fiscal year (`fy2570`) with the rules HR set, the year's
// results as last computed (or typed in by HR for a year before the system) and the audit trail of
// every change. The rules about that collection live here.

/** How many changes a year's document keeps for the audit trail. */
const TARGET_HISTORY_MAX = 100;

export interface TargetActor {
  readonly employeeId: string;
  readonly name: string;
}

export interface TargetChange {
  readonly by: TargetActor;
  readonly at: string;
  readonly indicatorId: TargetIndicatorId;
  readonly field: 'rule' | 'result';
  readonly before: TargetRule | number | null;
  readonly after: TargetRule | number | null;
}

/** The years asked for, in that order; undefined where no document exists (nothing was recorded). */
export async function readTargetYears(
  db: Firestore,
  targets: CollectionReference,
  fiscalYears: readonly number[],
): Promise<(TargetYear | undefined)[]> {
  if (fiscalYears.length === 0) return [];
  const snaps = await db.getAll(...fiscalYears.map((fy) => targets.doc(targetYearId(fy))));
  return snaps.map((s, i) => (s.exists ? targetYearFromData(fiscalYears[i] as number, s.data()) : undefined));
}

export async function readTargetChanges(
  targets: CollectionReference,
  fiscalYear: number,
): Promise<TargetChange[]> {
  const snap = await targets.doc(targetYearId(fiscalYear)).get();
  const raw = (snap.get('history') as Record<string, unknown>[] | undefined) ?? [];
  return raw.map((h) => ({
    ...(h as unknown as TargetChange),
    at: h.at instanceof Timestamp ? h.at.toDate().toISOString() : String(h.at ?? ''),
  }));
}

/** HR sets a year's rule (null: back to the default) or result (null: removed); both are audited. */
export async function changeTarget(
  db: Firestore,
  targets: CollectionReference,
  change: {
    fiscalYear: number;
    indicatorId: TargetIndicatorId;
    by: TargetActor;
    at: Date;
  } & ({ field: 'rule'; value: TargetRule | null } | { field: 'result'; value: number | null }),
): Promise<void> {
  const ref = targets.doc(targetYearId(change.fiscalYear));
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const year = targetYearFromData(change.fiscalYear, snap.data());
    const id = change.indicatorId;
    const before = change.field === 'rule' ? (year.rules[id] ?? null) : (year.results[id]?.value ?? null);
    const history = ((snap.get('history') as unknown[] | undefined) ?? []).slice(-(TARGET_HISTORY_MAX - 1));
    const at = Timestamp.fromDate(change.at);
    const rules: Record<string, unknown> = { ...year.rules };
    const results: Record<string, unknown> = { ...year.results };
    if (change.field === 'rule') {
      if (change.value === null) delete rules[id];
      else rules[id] = { ...change.value };
    } else if (change.value === null) delete results[id];
    else results[id] = { value: change.value, source: 'hr' };
    tx.set(ref, {
      fiscalYear: change.fiscalYear,
      rules,
      results,
      updatedBy: change.by,
      updatedAt: at,
      history: [
        ...history,
        { by: change.by, at, indicatorId: id, field: change.field, before, after: change.value },
      ],
    });
  });
}

/**
 * The results the dashboard computed for a year, frozen on its document so next year's "not below last
 * year" and the year-on-year chart read one document. Writes only what changed, and never over a
 * result HR typed in (a year before the system computes as 0%; HR clears theirs to use the system's).
 */
export async function freezeResults(
  targets: CollectionReference,
  fiscalYear: number,
  stored: TargetYear | undefined,
  results: Partial<Record<TargetIndicatorId, number | null>>,
): Promise<void> {
  const changed = Object.entries(results).filter(([id, v]) => {
    const before = stored?.results[id as TargetIndicatorId];
    return v !== null && v !== undefined && before?.source !== 'hr' && before?.value !== v;
  });
  if (changed.length === 0) return;
  await targets.doc(targetYearId(fiscalYear)).set(
    {
      fiscalYear,
      results: Object.fromEntries(changed.map(([id, v]) => [id, { value: v, source: 'system' }])),
    },
    { merge: true },
  );
}
