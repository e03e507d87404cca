import {
  OWING_SHARDS,
  OWING_STAFF_FIELDS,
  type OwingEntry,
  type OwingShard,
  owingIndexOf,
  type ReportForOwing,
  readOwing,
} from '@phattana/shared';
import { type DocumentReference, Timestamp } from 'firebase-admin/firestore';
import { staffRecords, staffSourceOf } from '../people/staff-record-repository';
import { reportRecords, reportSourceOf } from '../reports/report-repository';
import { owingShards } from './owing-writes';

// Reading the who-owes-what index (one query over its ≤ 64 shards), rebuilding it from the records for a
// deployment that ran before it existed (or after a restore), and checking it against them.

/** Written by the rebuild when it finishes: without it the shards may hold only what changed since deploy. */
export const OWING_BUILT = 'built';

/**
 * The index as the selection reads it: every open report and every staff record, in one query of at
 * most 65 documents (the shards and the rebuild's mark). A municipality whose index was never built
 * (a deployment from before it, or records written straight into Firestore) is built first, once.
 */
export async function readOwingIndex(municipality: DocumentReference) {
  let docs = (await owingShards(municipality).get()).docs;
  if (!docs.some((d) => d.id === OWING_BUILT)) {
    await rebuildOwingIndex(municipality);
    docs = (await owingShards(municipality).get()).docs;
  }
  return readOwing(docs.filter((d) => d.id !== OWING_BUILT).map((d) => d.data() as OwingShard));
}

const REPORT_FIELDS = ['employeeId', 'status', 'dueDate', 'trainingTitle', 'employeeName', 'divisionId'];

/** The index computed from the staff records and the open reports, read in pages. */
export async function owingFromRecords(municipality: DocumentReference, pageSize = 1000) {
  const staff: { id: string; data: Record<string, unknown> }[] = [];
  for await (const page of staffRecords(staffSourceOf(municipality)).storedInPages(
    OWING_STAFF_FIELDS,
    pageSize,
  ))
    staff.push(...page);
  const reports: ReportForOwing[] = [];
  for await (const page of reportRecords(reportSourceOf(municipality)).openStoredInPages(
    REPORT_FIELDS,
    pageSize,
  ))
    for (const d of page) reports.push({ ...(d.data as Omit<ReportForOwing, 'id'>), id: d.id });
  return owingIndexOf(staff, reports);
}

/**
 * Writes the index from the records: each shard replaced whole, a few shards per batch (never one
 * giant transaction), the empty ones deleted. Idempotent: a second run writes the same documents.
 * Run after deploying to a municipality that has records already; a record written while it runs is
 * caught by its own blind write, or by running it again.
 */
export async function rebuildOwingIndex(
  municipality: DocumentReference,
  o: { pageSize?: number; shardsPerBatch?: number } = {},
): Promise<{ people: number; shards: number }> {
  const index = await owingFromRecords(municipality, o.pageSize);
  const perBatch = o.shardsPerBatch ?? 8;
  const db = municipality.firestore;
  let people = 0;
  for (let first = 0; first < OWING_SHARDS; first += perBatch) {
    const batch = db.batch();
    for (let n = first; n < Math.min(first + perBatch, OWING_SHARDS); n++) {
      const ref = owingShards(municipality).doc(String(n));
      const shard = index.get(n);
      if (shard) {
        batch.set(ref, { people: shard });
        people += Object.keys(shard).length;
      } else batch.delete(ref);
    }
    await batch.commit();
  }
  await owingShards(municipality)
    .doc(OWING_BUILT)
    .set({ builtAt: Timestamp.now(), people, shards: index.size });
  return { people, shards: index.size };
}

/** Where the index and the records disagree (empty when in step): for tests and the CLI's check. */
export async function owingDrift(municipality: DocumentReference): Promise<string[]> {
  const truth = new Map<string, OwingEntry>();
  for (const shard of (await owingFromRecords(municipality)).values())
    for (const [id, e] of Object.entries(shard)) truth.set(id, e);
  const stored = new Map<string, OwingEntry>();
  for (const d of (await owingShards(municipality).get()).docs)
    if (d.id !== OWING_BUILT)
      for (const [id, e] of Object.entries((d.data() as OwingShard).people ?? {})) stored.set(id, e);
  const norm = (e: OwingEntry | undefined) =>
    JSON.stringify({
      staff: e?.staff
        ? sortKeys({
            name: '',
            divisionId: null,
            active: null,
            lineUserId: null,
            lineFollowing: null,
            ...e.staff,
          })
        : null,
      reports: sortKeys(
        Object.fromEntries(Object.entries(e?.reports ?? {}).map(([k, v]) => [k, sortKeys(v)])),
      ),
    });
  const out: string[] = [];
  for (const id of new Set([...truth.keys(), ...stored.keys()])) {
    const a = norm(truth.get(id));
    const b = norm(stored.get(id));
    if (a !== b) out.push(`${id}: records ${a} ≠ index ${b}`);
  }
  return out.sort();
}

function sortKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))) as T;
}
