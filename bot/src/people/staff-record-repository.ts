import {
  type Employee,
  isEmployeeId,
  type PersonContext,
  type Respondent,
  type Role,
  type StaffType,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  FieldPath,
  type Firestore,
  type Query,
  Timestamp,
  type Transaction,
} from 'firebase-admin/firestore';
import { type KeyCursor, queryPage } from '../store/query-page';

// The one reader of the staff records (municipalities/{m}/employees/{id}). Every feature, job, route and
// report reads them here and gets them parsed the same way: a record without roles is staff, a missing
// `active` is active, a missing `lineFollowing` is following. Writers still write where they are
// (bot/test/staff-record-readers.test.ts lists them and fails when anything else names the
// collection).

const KNOWN_ROLES: readonly string[] = ['staff', 'supervisor', 'hr', 'executive'] satisfies Role[];

/** The roles a staff record grants: unknown ones grant nothing, and a record without roles is staff. */
export function staffRoles(value: unknown): Role[] {
  if (!Array.isArray(value) || value.length === 0) return ['staff'];
  return value.filter((r): r is Role => KNOWN_ROLES.includes(r));
}

/** Where a municipality's staff records are; any MunicipalityCollections is one. */
export interface StaffSource {
  readonly employees: CollectionReference;
}

/** A staff record as stored: never the birth date itself, only its keyed hash. */
export interface StoredEmployee extends Employee {
  /** HMAC-SHA256(pepper, `${code}|${birthDate}`) in hex; see hashBirthDate */
  readonly birthDateHash?: string;
}

/** A staff record read back, parsed once. */
export interface StaffRecord extends StoredEmployee {
  /** false once they blocked the bot; older records without the field count as following */
  readonly lineFollowing: boolean;
  /** the weekly library digest: on unless the person turned it off */
  readonly libraryDigest: boolean;
  /** the functional competencies HR assigned (surveys ask about these) */
  readonly functionalCompetencyIds: readonly string[];
}

/** Fields a read may be narrowed to (a field mask: what is not asked for parses as its default). */
export type StaffField =
  | 'code'
  | 'name'
  | 'divisionId'
  | 'position'
  | 'staffType'
  | 'jobLine'
  | 'level'
  | 'supervisorId'
  | 'roles'
  | 'active'
  | 'lineUserId'
  | 'lineFollowing'
  | 'libraryDigest'
  | 'functionalCompetencyIds'
  | 'birthDateHash';

export interface StaffReadOptions {
  /** read inside this transaction */
  readonly tx?: Transaction;
  /** read only these fields */
  readonly fields?: readonly StaffField[];
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** A stored staff record read back, tolerant of fields older imports did not write. */
export function staffRecordFromData(id: string, data: DocumentData, municipalityId: string): StaffRecord {
  const ids: unknown = data.functionalCompetencyIds;
  return {
    id,
    municipalityId: str(data.municipalityId, municipalityId),
    code: str(data.code, id),
    name: str(data.name),
    divisionId: str(data.divisionId),
    position: str(data.position),
    staffType: str(data.staffType) as StaffType,
    jobLine: str(data.jobLine),
    ...(typeof data.level === 'string' && data.level !== '' ? { level: data.level } : {}),
    supervisorId: typeof data.supervisorId === 'string' ? data.supervisorId : null,
    roles: staffRoles(data.roles),
    active: data.active !== false,
    ...(typeof data.lineUserId === 'string' ? { lineUserId: data.lineUserId } : {}),
    ...(typeof data.birthDateHash === 'string' ? { birthDateHash: data.birthDateHash } : {}),
    lineFollowing: data.lineFollowing !== false,
    libraryDigest: data.libraryDigest !== false,
    functionalCompetencyIds: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [],
  };
}

/** The staff records of the municipality with this document. */
export const staffSourceOf = (municipality: DocumentReference): StaffSource => ({
  employees: municipality.collection('employees'),
});

/** A record with where it is stored, for the few writers that update exactly what they read. */
export interface LocatedStaffRecord {
  readonly record: StaffRecord;
  readonly ref: DocumentReference;
}

/** Someone who left, for the retention job. */
export interface LeftStaffRecord extends LocatedStaffRecord {
  /** when the retention job first saw them gone (its clock); absent until then */
  readonly leftAt?: Date;
  /** their LINE data and birth-date hash are already deleted */
  readonly anonymised: boolean;
}

/**
 * Records anywhere in the deployment with this birth-date hash (codes repeat across municipalities: the
 * keyed hash of code and birth date says whose record it is). Only records under `municipalities/`.
 */
export async function staffByBirthDateHash(
  db: Firestore,
  hash: string,
  tx: Transaction,
  limit = 3,
): Promise<LocatedStaffRecord[]> {
  const q = await tx.get(db.collectionGroup('employees').where('birthDateHash', '==', hash).limit(limit));
  return q.docs
    .filter((d) => d.ref.parent.parent?.parent.id === 'municipalities')
    .flatMap((d) => {
      const record = staffRecordFromDoc(d);
      return record ? [{ record, ref: d.ref }] : [];
    });
}

/** The municipality a staff record's collection belongs to. */
const municipalityOf = (employees: CollectionReference): string => employees.parent?.id ?? '';

/** A snapshot parsed; undefined when there is no record. */
export function staffRecordFromDoc(snap: DocumentSnapshot): StaffRecord | undefined {
  if (!snap.exists) return undefined;
  return staffRecordFromData(snap.id, snap.data() ?? {}, snap.ref.parent.parent?.id ?? '');
}

/** The staff records of one municipality, read and parsed. */
export interface StaffRecords {
  /** the record with this id (undefined when there is none or the id cannot be one) */
  byId(id: string, o?: StaffReadOptions): Promise<StaffRecord | undefined>;
  /** the record with where it is stored (for a writer that updates what it read) */
  located(id: string, o?: StaffReadOptions): Promise<LocatedStaffRecord | undefined>;
  /** the records with these ids, by id; ids with no record (or malformed) are absent */
  byIds(ids: readonly string[], o?: StaffReadOptions): Promise<Map<string, StaffRecord>>;
  /** the record linked to this LINE account, if any */
  byLineUserId(lineUserId: string, o?: StaffReadOptions): Promise<StaffRecord | undefined>;
  /** every record, people who left included */
  all(o?: StaffReadOptions): Promise<StaffRecord[]>;
  /** records HR has not switched off */
  active(o?: StaffReadOptions): Promise<StaffRecord[]>;
  /** records HR switched off, where they are stored and when the retention clock started */
  left(): Promise<LeftStaffRecord[]>;
  /**
   * One page of the records by id (people who left included), of one division when asked, with how many
   * there are in all (a count() aggregation, not a read of each).
   */
  page(o: {
    readonly limit: number;
    readonly after: KeyCursor | undefined;
    readonly divisionId?: string;
    readonly fields?: readonly StaffField[];
  }): Promise<{ records: StaffRecord[]; next: KeyCursor | null; total: number }>;
  /**
   * The stored fields as written (no defaults: an index mirroring the records' writes must see what the
   * writes saw), `pageSize` records a read, in id order.
   */
  storedInPages(
    fields: readonly string[],
    pageSize: number,
  ): AsyncGenerator<{ readonly id: string; readonly data: Readonly<Record<string, unknown>> }[]>;
  /** records of these divisions, people who left included */
  inDivisions(divisionIds: readonly string[], o?: StaffReadOptions): Promise<StaffRecord[]>;
  /**
   * one supervisor's people in Thai name order (the stored nameSortKey, then id), `limit` after `after`
   * ([nameSortKey, id]), people who left included
   */
  peopleOf(
    supervisorId: string,
    o: { readonly limit: number; readonly after?: readonly [string, string] },
  ): Promise<StaffRecord[]>;
  /** records linked to a LINE account, people who left included */
  linked(): Promise<StaffRecord[]>;
  /** records whose supervisor is one of these, people who left included */
  reportingTo(supervisorIds: readonly string[], o?: StaffReadOptions): Promise<StaffRecord[]>;
  /** records granting this role (an explicit role: a record without roles is staff only) */
  withRole(role: Role, o?: StaffReadOptions): Promise<StaffRecord[]>;
  /** whether anyone names this person as their supervisor */
  hasReports(supervisorId: string): Promise<boolean>;
  /** whether any record is in this division (a division in use cannot be removed) */
  divisionInUse(divisionId: string, tx?: Transaction): Promise<boolean>;
  /** whether there is any staff record at all */
  any(tx?: Transaction): Promise<boolean>;
  /** active people, in all or in one division, counted by the server (no record is read) */
  countActive(divisionId?: string): Promise<number>;
  /** how many records there are, are linked to LINE, grant HR (count queries) */
  counts(): Promise<{ staff: number; linked: number; hr: number }>;
  /** everything the record stores but the birth-date hash, as the person's own data export shows it */
  exported(id: string): Promise<Record<string, unknown>>;
  /** every record, read `pageSize` at a time in this transaction (a whole staff list is never one request) */
  allInPages(tx: Transaction, pageSize: number, fields?: readonly StaffField[]): Promise<StaffRecord[]>;
}

export function staffRecords(c: StaffSource): StaffRecords {
  const col = c.employees;
  const municipalityId = municipalityOf(col);
  const parse = (snap: DocumentSnapshot): StaffRecord =>
    staffRecordFromData(snap.id, snap.data() ?? {}, municipalityId);
  const narrowed = (q: Query, fields?: readonly StaffField[]): Query =>
    fields && fields.length > 0 ? q.select(...fields) : q;
  const run = async (q: Query, o: StaffReadOptions = {}): Promise<StaffRecord[]> => {
    const n = narrowed(q, o.fields);
    const snap = o.tx ? await o.tx.get(n) : await n.get();
    return snap.docs.map(parse);
  };
  const getMany = async (ids: readonly string[], o: StaffReadOptions = {}): Promise<DocumentSnapshot[]> => {
    const refs: DocumentReference[] = [...new Set(ids)]
      .filter((id) => isEmployeeId(id))
      .map((id) => col.doc(id));
    if (refs.length === 0) return [];
    const mask = o.fields && o.fields.length > 0 ? { fieldMask: [...o.fields] } : {};
    return o.tx ? o.tx.getAll(...refs, mask) : col.firestore.getAll(...refs, mask);
  };
  /** `in` takes at most 30 values */
  const inChunks = async (field: string, values: readonly string[], o?: StaffReadOptions) => {
    const out: StaffRecord[] = [];
    const unique = [...new Set(values)];
    for (let i = 0; i < unique.length; i += 30)
      out.push(...(await run(col.where(field, 'in', unique.slice(i, i + 30)), o)));
    return out;
  };
  return {
    async byId(id, o = {}) {
      if (!isEmployeeId(id)) return undefined;
      const snap = o.fields
        ? (await getMany([id], o))[0]
        : o.tx
          ? await o.tx.get(col.doc(id))
          : await col.doc(id).get();
      return snap?.exists ? parse(snap) : undefined;
    },
    async located(id, o = {}) {
      if (!isEmployeeId(id)) return undefined;
      const ref = col.doc(id);
      const snap = o.tx ? await o.tx.get(ref) : await ref.get();
      return snap.exists ? { record: parse(snap), ref } : undefined;
    },
    async byIds(ids, o) {
      const snaps = await getMany(ids, o);
      return new Map(snaps.filter((s) => s.exists).map((s) => [s.id, parse(s)]));
    },
    async byLineUserId(lineUserId, o) {
      if (lineUserId === '') return undefined;
      return (await run(col.where('lineUserId', '==', lineUserId).limit(1), o))[0];
    },
    all: (o) => run(col, o),
    async active(o) {
      // `active` is read even when the mask leaves it out: the filter needs it
      const fields = o?.fields && !o.fields.includes('active') ? [...o.fields, 'active' as const] : o?.fields;
      return (await run(col, { ...o, ...(fields ? { fields } : {}) })).filter((r) => r.active);
    },
    async left() {
      const q = await col.where('active', '==', false).get();
      return q.docs.map((d) => {
        const leftAt: unknown = d.get('leftAt');
        return {
          record: parse(d),
          ref: d.ref,
          ...(leftAt instanceof Timestamp ? { leftAt: leftAt.toDate() } : {}),
          anonymised: Boolean(d.get('anonymisedAt')),
        };
      });
    },
    async page(o) {
      const filtered = o.divisionId ? col.where('divisionId', '==', o.divisionId) : col;
      const [found, total] = await Promise.all([
        queryPage(narrowed(filtered, o.fields), 'id', o.limit, o.after),
        filtered.count().get(),
      ]);
      return { records: found.docs.map(parse), next: found.next, total: total.data().count };
    },
    async *storedInPages(fields, pageSize) {
      const q = col.select(...fields).orderBy(FieldPath.documentId());
      let last: DocumentSnapshot | undefined;
      for (;;) {
        const docs = (await (last ? q.startAfter(last) : q).limit(pageSize).get()).docs;
        if (docs.length > 0) yield docs.map((d) => ({ id: d.id, data: d.data() }));
        if (docs.length < pageSize) return;
        last = docs[docs.length - 1];
      }
    },
    inDivisions: (divisionIds, o) => inChunks('divisionId', divisionIds, o),
    peopleOf(supervisorId, o) {
      // Firestore orders strings by code point: the key makes that the Thai order (เ แ โ ใ ไ in place)
      let q = col
        .where('supervisorId', '==', supervisorId)
        .orderBy('nameSortKey')
        .orderBy(FieldPath.documentId());
      if (o.after) q = q.startAfter(o.after[0], o.after[1]);
      return run(q.limit(o.limit));
    },
    linked: () => run(col.where('lineUserId', '>', '')),
    reportingTo: (supervisorIds, o) => inChunks('supervisorId', supervisorIds, o),
    withRole: (role, o) => run(col.where('roles', 'array-contains', role), o),
    async hasReports(supervisorId) {
      return !(await col.where('supervisorId', '==', supervisorId).limit(1).select().get()).empty;
    },
    async divisionInUse(divisionId, tx) {
      const q = col.where('divisionId', '==', divisionId).limit(1).select();
      return !(tx ? await tx.get(q) : await q.get()).empty;
    },
    async any(tx) {
      const q = col.limit(1).select();
      return !(tx ? await tx.get(q) : await q.get()).empty;
    },
    async countActive(divisionId) {
      const active = col.where('active', '==', true);
      const q = divisionId === undefined ? active : active.where('divisionId', '==', divisionId);
      return (await q.count().get()).data().count;
    },
    async counts() {
      const [staff, linked, hr] = await Promise.all([
        col.count().get(),
        col.where('lineUserId', '>', '').count().get(),
        col.where('roles', 'array-contains', 'hr').count().get(),
      ]);
      return { staff: staff.data().count, linked: linked.data().count, hr: hr.data().count };
    },
    async exported(id) {
      if (!isEmployeeId(id)) return {};
      const { birthDateHash: _secret, ...stored } = (await col.doc(id).get()).data() ?? {};
      return stored;
    },
    async allInPages(tx, pageSize, fields) {
      const q = narrowed(col, fields).orderBy(FieldPath.documentId());
      const out: StaffRecord[] = [];
      let page = await tx.get(q.limit(pageSize));
      for (;;) {
        out.push(...page.docs.map(parse));
        const last = page.docs.at(-1);
        if (page.size < pageSize || !last) return out;
        page = await tx.get(q.startAfter(last).limit(pageSize));
      }
    },
  };
}

/** The person a staff record names, as the chat and the API see them. */
export const personFromStaff = (r: StaffRecord): PersonContext => ({
  employeeId: r.id,
  name: r.name,
  roles: [...r.roles],
});

/** What a survey needs to know about the person; undefined when they have no active staff record. */
export function respondentOf(r: StaffRecord | undefined): Respondent | undefined {
  if (!r?.active) return undefined;
  return {
    divisionId: r.divisionId,
    staffType: r.staffType,
    roles: [...r.roles],
    functionalCompetencyIds: [...r.functionalCompetencyIds],
  };
}

/**
 * Which of these staff codes HR may not name in a record (a training's attendees, a sign-off stop): codes
 * with no record (a code that cannot be a record's id, e.g. "/" or "..", is unknown, never a document
 * path) and records of people who have left.
 */
export async function unusableStaff(
  c: StaffSource,
  ids: readonly string[],
): Promise<{ unknown: string[]; left: string[] }> {
  const found = await staffRecords(c).byIds(ids, { fields: ['active'] });
  return {
    unknown: ids.filter((id) => !found.has(id)),
    left: ids.filter((id) => found.get(id)?.active === false),
  };
}
