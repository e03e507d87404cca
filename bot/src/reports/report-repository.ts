import type { ReportStatus, TrainingReport } from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  type DocumentSnapshot,
  FieldPath,
  type Query,
  type Transaction,
} from 'firebase-admin/firestore';
import { OPEN_STATUSES, reportFromDoc } from './report-records';

// The one reader of the stored post-training reports (municipalities/{m}/reports/{id}). Every feature,
// job, route and export reads them here and gets them parsed the same way (report-records.ts: which
// are open, how a stored one reads back). Writers still write where they are, beside the who-owes-what
// index (bot/test/report-readers.test.ts lists them and fails when anything else names the collection).

/** Where a municipality's reports are; any MunicipalityCollections is one. */
export interface ReportSource {
  readonly reports: CollectionReference;
}

/** Fields a read may be narrowed to (a field mask: what is not asked for is absent from the result). */
export type ReportField = keyof TrainingReport & string;

export interface ReportReadOptions {
  /** read inside this transaction */
  readonly tx?: Transaction;
}

/** A report with where it is stored, for the writers that update exactly what they read. */
export interface LocatedReport {
  readonly report: TrainingReport;
  readonly ref: DocumentReference;
}

/** The reports of one municipality, read and parsed. */
export interface ReportRecords {
  /** where the report with this id is (or would be) stored: for the writers beside the index */
  ref(id: string): DocumentReference;
  /** the report with this id, undefined when there is none */
  byId(id: string, o?: ReportReadOptions): Promise<TrainingReport | undefined>;
  /** the report with where it is stored (its photos are stored under its path) */
  located(id: string, o?: ReportReadOptions): Promise<LocatedReport | undefined>;
  /** the reports with these ids, by id; ids with no report are absent */
  byIds(ids: readonly string[], o?: ReportReadOptions): Promise<Map<string, TrainingReport>>;
  /** every report of one person, whatever its status */
  ofPerson(employeeId: string): Promise<TrainingReport[]>;
  /** every report of these people, whatever its status */
  ofPeople(employeeIds: readonly string[]): Promise<TrainingReport[]>;
  /** the reports still open (pending or returned), of one person when given */
  open(o?: ReportReadOptions & { readonly employeeId?: string }): Promise<TrainingReport[]>;
  /**
   * The open reports' fields as stored (no defaults: the who-owes-what index mirrors what the writes
   * wrote), `pageSize` reports a read, in id order.
   */
  openStoredInPages(
    fields: readonly string[],
    pageSize: number,
  ): AsyncGenerator<{ readonly id: string; readonly data: Readonly<Record<string, unknown>> }[]>;
  /** the reports in one status */
  withStatus(status: ReportStatus): Promise<TrainingReport[]>;
  /** the submitted reports waiting for this approver's sign-off */
  waitingFor(approverId: string): Promise<TrainingReport[]>;
  /** how many submitted reports wait for this approver (a count query, no report is read) */
  countWaitingFor(approverId: string): Promise<number>;
  /**
   * The reports whose training ended between these dates (inclusive), narrowed to `fields` when given;
   * with `pageSize` (and `tx`), read that many at a time (a whole year is never one request).
   */
  endingBetween(
    start: string,
    end: string,
    o?: ReportReadOptions & { readonly fields?: readonly ReportField[]; readonly pageSize?: number },
  ): Promise<TrainingReport[]>;
  /** every report */
  all(): Promise<TrainingReport[]>;
}

/** The reports of the municipality with this document. */
export const reportSourceOf = (municipality: DocumentReference): ReportSource => ({
  reports: municipality.collection('reports'),
});

/** The reports of the municipality whose collections these are. */
export function reportRecords(c: ReportSource): ReportRecords {
  const col = c.reports;
  const run = async (q: Query, o: ReportReadOptions = {}): Promise<TrainingReport[]> =>
    (o.tx ? await o.tx.get(q) : await q.get()).docs.map(reportFromDoc);
  const getMany = async (ids: readonly string[], o: ReportReadOptions = {}): Promise<DocumentSnapshot[]> => {
    const refs = [...new Set(ids)].map((id) => col.doc(id));
    if (refs.length === 0) return [];
    return o.tx ? o.tx.getAll(...refs) : col.firestore.getAll(...refs);
  };
  const openQuery = (employeeId?: string): Query => {
    const open = col.where('status', 'in', [...OPEN_STATUSES]);
    return employeeId === undefined
      ? open
      : col.where('employeeId', '==', employeeId).where('status', 'in', [...OPEN_STATUSES]);
  };
  return {
    ref: (id) => col.doc(id),
    async byId(id, o = {}) {
      const snap = o.tx ? await o.tx.get(col.doc(id)) : await col.doc(id).get();
      return snap.exists ? reportFromDoc(snap) : undefined;
    },
    async located(id, o = {}) {
      const ref = col.doc(id);
      const snap = o.tx ? await o.tx.get(ref) : await ref.get();
      return snap.exists ? { report: reportFromDoc(snap), ref } : undefined;
    },
    async byIds(ids, o) {
      const snaps = await getMany(ids, o);
      return new Map(snaps.filter((s) => s.exists).map((s) => [s.id, reportFromDoc(s)]));
    },
    ofPerson: (employeeId) => run(col.where('employeeId', '==', employeeId)),
    async ofPeople(employeeIds) {
      // `in` takes at most 30 values
      const unique = [...new Set(employeeIds)];
      const out: TrainingReport[] = [];
      for (let i = 0; i < unique.length; i += 30)
        out.push(...(await run(col.where('employeeId', 'in', unique.slice(i, i + 30)))));
      return out;
    },
    open: (o = {}) => run(openQuery(o.employeeId), o),
    async *openStoredInPages(fields, pageSize) {
      const q = openQuery()
        .select(...fields)
        .orderBy(FieldPath.documentId());
      let last: DocumentSnapshot | undefined;
      for (;;) {
        const docs = (await (last ? q.startAfter(last) : q).limit(pageSize).get()).docs;
        if (docs.length > 0) yield docs.map((d) => ({ id: d.id, data: d.data() }));
        if (docs.length < pageSize) return;
        last = docs[docs.length - 1];
      }
    },
    withStatus: (status) => run(col.where('status', '==', status)),
    waitingFor: (approverId) =>
      run(col.where('currentApproverId', '==', approverId).where('status', '==', 'submitted')),
    async countWaitingFor(approverId) {
      const q = col.where('currentApproverId', '==', approverId).where('status', '==', 'submitted');
      return (await q.count().get()).data().count;
    },
    async endingBetween(start, end, o = {}) {
      const all = col.where('endDate', '>=', start).where('endDate', '<=', end);
      const q = o.fields && o.fields.length > 0 ? all.select(...o.fields) : all;
      if (!o.pageSize) return run(q, o);
      const read = (p: Query) => (o.tx ? o.tx.get(p) : p.get());
      const out: TrainingReport[] = [];
      let page = await read(q.limit(o.pageSize));
      for (;;) {
        out.push(...page.docs.map(reportFromDoc));
        const last = page.docs.at(-1);
        if (page.size < o.pageSize || !last) return out;
        page = await read(q.startAfter(last).limit(o.pageSize));
      }
    },
    all: () => run(col),
  };
}
