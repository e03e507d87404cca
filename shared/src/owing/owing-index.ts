import type { BroadcastEmployee, OpenReportRef } from '../broadcast/select-recipients';
import type { ReportStatus } from '../reports/training-report';
import type { IsoDate } from '../text/thai-date';

// The index of who owes what (municipalities/{m}/owing/{shard}): one entry per person, with the staff
// fields a reminder or the late list needs and the reports they still have to file. Broadcast planning
// and the late list read the 64 shards instead of every open report and staff record. Everyone on the
// staff list has an entry (not only those who owe), so a write to a staff record or a report can update
// its own part blindly, without reading the entry first, and the ethics reminder can use it too.
// Size: 10 000 people / 64 shards ≈ 160 entries of ~250 bytes ≈ 40 KB a shard, far below 1 MiB; even
// 100 000 people stay near 400 KB.

export const OWING_SHARDS = 64;

/** Mirrored fields of the staff record; null where the record has none. */
export interface OwingStaff {
  readonly name: string;
  readonly divisionId: string | null;
  readonly active: boolean | null;
  readonly lineUserId: string | null;
  readonly lineFollowing: boolean | null;
}

export const OWING_STAFF_FIELDS = ['name', 'divisionId', 'active', 'lineUserId', 'lineFollowing'] as const;

/** An open report as the late list shows it. */
export interface OwingReport {
  readonly dueDate: IsoDate;
  readonly status: ReportStatus;
  readonly trainingTitle: string;
  /** the report's own copies, used when the staff record is missing */
  readonly employeeName: string;
  readonly divisionId: string | null;
}

export interface OwingEntry {
  /** absent: no staff record (the reports' owner was never imported, or was removed) */
  readonly staff?: Partial<OwingStaff>;
  readonly reports?: Readonly<Record<string, OwingReport>>;
}

/** One shard document. */
export interface OwingShard {
  readonly people?: Readonly<Record<string, OwingEntry>>;
}

/** The shard of a person: FNV-1a of the employee id, stable across runtimes and deployments. */
export function owingShard(employeeId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < employeeId.length; i++) {
    h ^= employeeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % OWING_SHARDS;
}

const OPEN: ReadonlySet<string> = new Set(['pending', 'returned']);

/** The part of a stored report the index needs. */
export interface ReportForOwing {
  readonly id: string;
  readonly employeeId: string;
  readonly status: string;
  readonly dueDate?: string;
  readonly trainingTitle?: string;
  readonly employeeName?: string;
  readonly divisionId?: string;
}

/** What a report write does to its owner's entry: its line set (still open) or removed (null). */
export function owingReportOf(r: ReportForOwing): OwingReport | null {
  if (!OPEN.has(r.status) || !r.dueDate) return null;
  return {
    dueDate: r.dueDate,
    status: r.status as ReportStatus,
    trainingTitle: r.trainingTitle ?? '',
    employeeName: r.employeeName ?? '',
    divisionId: r.divisionId ?? null,
  };
}

/**
 * The mirrored fields a staff-record write sets, from the written data: only the keys it carries (a
 * merge leaves the others alone); `deleted` lists the keys it removes. Values are normalised so the
 * index never holds a type the readers do not expect.
 */
export function owingStaffPatch(
  written: Readonly<Record<string, unknown>>,
  deleted: ReadonlySet<string> = new Set(),
): Partial<OwingStaff> {
  const out: Record<string, unknown> = {};
  for (const k of OWING_STAFF_FIELDS) {
    if (deleted.has(k)) {
      out[k] = k === 'name' ? '' : null;
      continue;
    }
    if (!(k in written) || written[k] === undefined) continue;
    const v = written[k];
    if (k === 'name') out[k] = String(v ?? '');
    else if (k === 'active' || k === 'lineFollowing') out[k] = typeof v === 'boolean' ? v : null;
    else out[k] = typeof v === 'string' && v !== '' ? v : null;
  }
  return out as Partial<OwingStaff>;
}

/** A report change applied to an entry (pure: the in-memory twin of the adapter's blind write). */
export function applyReportChange(
  entry: OwingEntry | undefined,
  reportId: string,
  line: OwingReport | null,
): OwingEntry {
  const reports = { ...(entry?.reports ?? {}) };
  if (line) reports[reportId] = line;
  else delete reports[reportId];
  return { ...(entry ?? {}), reports };
}

/** A staff-record change applied to an entry; `null` removes the record (the reports stay). */
export function applyStaffChange(
  entry: OwingEntry | undefined,
  patch: Partial<OwingStaff> | null,
): OwingEntry {
  if (patch === null) {
    const { staff: _gone, ...rest } = entry ?? {};
    return rest;
  }
  return { ...(entry ?? {}), staff: { ...(entry?.staff ?? {}), ...patch } };
}

/** An open report as read back from the index, with what the late list shows. */
export interface OwedReport extends OpenReportRef {
  readonly id: string;
  readonly trainingTitle: string;
  readonly employeeName: string;
}

/** The index read back as the selection's inputs: the open reports and the staff records. */
export function readOwing(shards: Iterable<OwingShard | undefined>): {
  readonly reports: OwedReport[];
  readonly employees: BroadcastEmployee[];
} {
  const reports: OwedReport[] = [];
  const employees: BroadcastEmployee[] = [];
  for (const shard of shards) {
    for (const [employeeId, entry] of Object.entries(shard?.people ?? {})) {
      const s = entry.staff;
      if (s)
        employees.push({
          id: employeeId,
          name: s.name ?? '',
          ...(s.divisionId ? { divisionId: s.divisionId } : {}),
          active: s.active !== false,
          ...(s.lineUserId ? { lineUserId: s.lineUserId } : {}),
          ...(typeof s.lineFollowing === 'boolean' ? { lineFollowing: s.lineFollowing } : {}),
        });
      for (const [id, r] of Object.entries(entry.reports ?? {})) {
        if (!OPEN.has(r.status)) continue;
        reports.push({
          id,
          employeeId,
          dueDate: r.dueDate,
          status: r.status,
          trainingTitle: r.trainingTitle,
          employeeName: r.employeeName,
          ...(r.divisionId ? { divisionId: r.divisionId } : {}),
        });
      }
    }
  }
  return { reports, employees };
}

/**
 * The whole index computed from the truth (every staff record and every open report): what a rebuild
 * writes and what a drift check compares against. Shards with nobody are left out.
 */
export function owingIndexOf(
  staff: Iterable<{ readonly id: string; readonly data: Readonly<Record<string, unknown>> }>,
  reports: Iterable<ReportForOwing>,
): Map<number, Record<string, OwingEntry>> {
  const people = new Map<string, OwingEntry>();
  for (const s of staff) people.set(s.id, applyStaffChange(people.get(s.id), owingStaffPatch(s.data)));
  for (const r of reports) {
    const line = owingReportOf(r);
    if (line) people.set(r.employeeId, applyReportChange(people.get(r.employeeId), r.id, line));
  }
  const shards = new Map<number, Record<string, OwingEntry>>();
  for (const [id, entry] of people) {
    const n = owingShard(id);
    const shard = shards.get(n) ?? {};
    shard[id] = entry;
    shards.set(n, shard);
  }
  return shards;
}
