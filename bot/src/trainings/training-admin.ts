import { randomBytes } from 'node:crypto';
import {
  CURRICULA,
  DEVELOPMENT_METHODS,
  fiscalYearRange,
  isAutoId,
  ORGANISER_KINDS,
  parseTrainingInput,
  TRAINING_LIMITS,
  type TrainingInput,
} from '@phattana/shared';
import { type CollectionReference, type DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import { isoOfTimestamp } from '../api/timestamp-iso';
import { type StaffSource, unusableStaff } from '../people/staff-record-repository';
import { type KeyCursor, queryPage } from '../store/query-page';

// HR's trainings (municipalities/{m}/trainings): the daily job opens each attendee's report after the
// last day. This module owns the reads, the checks against the staff list and the writes; the routes
// (api/trainings-routes.ts) only translate HTTP. Every write records who made it and when.

export interface TrainingCollections extends StaffSource {
  readonly trainings: CollectionReference;
}

export interface Actor {
  readonly employeeId: string;
  readonly name: string;
}

export type TrainingView = ReturnType<typeof trainingView>;

/** What the form offers (methods, curricula, organiser kinds) and its limits. */
export function trainingOptions() {
  return {
    methods: DEVELOPMENT_METHODS.map(({ id, name }) => ({ id, name })),
    curricula: CURRICULA.map(({ id, name }) => ({ id, name })),
    organiserKinds: ORGANISER_KINDS.map(({ id, name }) => ({ id, name })),
    limits: TRAINING_LIMITS,
  };
}

/** A stored training as the LIFF page shows it. */
export function trainingView(s: DocumentSnapshot) {
  const t = s.data() ?? {};
  return {
    id: s.id,
    title: String(t.title ?? ''),
    organiser: String(t.organiser ?? ''),
    organiserKind: (t.organiserKind as string | undefined) ?? null,
    method: String(t.method ?? ''),
    curriculum: (t.curriculum as string | undefined) ?? null,
    competency: (t.competency as string | undefined) ?? null,
    startDate: String(t.startDate ?? ''),
    endDate: String(t.endDate ?? ''),
    hours: Number(t.hours ?? 0),
    attendees: (t.attendees as string[] | undefined) ?? [],
    reportRequired: t.reportRequired !== false,
    reportsOpened: t.reportsOpened === true,
    updatedBy: (t.updatedBy as Actor | undefined) ?? null,
    updatedAt: isoOfTimestamp(t.updatedAt),
  };
}

/** The trainings starting in a fiscal year, latest first. */
/**
 * One page of a fiscal year's trainings, latest start first (then by id), `limit` at a time after the
 * cursor: a municipality records hundreds a year, each with its attendees.
 */
export async function listTrainings(
  c: TrainingCollections,
  fiscalYear: number,
  page: { readonly limit: number; readonly after: KeyCursor | undefined },
): Promise<{ trainings: TrainingView[]; next: KeyCursor | null }> {
  const range = fiscalYearRange(fiscalYear);
  // one range filter on the ordered field, both keys descending: no composite index
  const found = await queryPage(
    c.trainings.where('startDate', '>=', range.start).where('startDate', '<=', range.end),
    'startDate',
    page.limit,
    page.after,
    'desc',
  );
  return { trainings: found.docs.map(trainingView), next: found.next };
}

/** One training, or undefined when the id is not one (never a document path) or no such training. */
export async function readTraining(c: TrainingCollections, id: string): Promise<TrainingView | undefined> {
  if (!isAutoId(id)) return undefined;
  const snap = await c.trainings.doc(id).get();
  return snap.exists ? trainingView(snap) : undefined;
}

/** The form's checks, then the attendees against the staff list; Thai messages per field. */
export async function checkTraining(
  c: TrainingCollections,
  body: unknown,
): Promise<{ training: TrainingInput } | { errors: Record<string, string> }> {
  const parsed = parseTrainingInput(body);
  if ('errors' in parsed) return parsed;
  if (parsed.training.attendees.length === 0) return parsed;
  const { unknown, left } = await unusableStaff(c, parsed.training.attendees);
  const problems = [
    unknown.length > 0 ? `ไม่พบพนักงานรหัส ${unknown.join(', ')}` : '',
    left.length > 0 ? `พ้นจากตำแหน่งแล้ว: ${left.join(', ')}` : '',
  ].filter(Boolean);
  return problems.length > 0 ? { errors: { attendees: problems.join(' · ') } } : parsed;
}

/** Stores a checked training under a new id (its start date, then random). */
export async function createTraining(
  c: TrainingCollections,
  t: TrainingInput,
  by: Actor,
  now: Date,
): Promise<TrainingView> {
  const id = `T${t.startDate.replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
  const at = Timestamp.fromDate(now);
  const ref = c.trainings.doc(id);
  await ref.create({ ...t, id, createdBy: by, createdAt: at, updatedBy: by, updatedAt: at });
  return trainingView(await ref.get());
}

/**
 * Whether an edit changes what opened reports were made from: the dates, the attendees (in any order)
 * or whether a report is due. The title, organiser, curriculum and hours may change.
 */
export function changesOpenedReports(before: TrainingInput, after: TrainingInput): boolean {
  const changed = (['startDate', 'endDate', 'reportRequired'] as const).some(
    (k) => (before[k] ?? true) !== (after[k] ?? true),
  );
  return changed || [...before.attendees].sort().join() !== [...after.attendees].sort().join();
}

/** What HR's trainings page needs, so the routes can be tried over an in-memory one. */
export interface TrainingAdmin {
  list(
    fiscalYear: number,
    page: { readonly limit: number; readonly after: KeyCursor | undefined },
  ): ReturnType<typeof listTrainings>;
  read(id: string): Promise<TrainingView | undefined>;
  check(body: unknown): Promise<{ training: TrainingInput } | { errors: Record<string, string> }>;
  create(t: TrainingInput, by: Actor, now: Date): Promise<TrainingView>;
  update(id: string, t: TrainingInput, by: Actor, now: Date): ReturnType<typeof updateTraining>;
}

export const firestoreTrainingAdmin = (c: TrainingCollections): TrainingAdmin => ({
  list: (fy, page) => listTrainings(c, fy, page),
  read: (id) => readTraining(c, id),
  check: (body) => checkTraining(c, body),
  create: (t, by, now) => createTraining(c, t, by, now),
  update: (id, t, by, now) => updateTraining(c, id, t, by, now),
});

/**
 * Saves a checked training over a stored one. Once its reports are open they exist with these dates and
 * people, so changing dates, attendees or whether a report is due is `locked` (the rest may change).
 */
export async function updateTraining(
  c: TrainingCollections,
  id: string,
  t: TrainingInput,
  by: Actor,
  now: Date,
): Promise<{ outcome: 'saved'; training: TrainingView } | { outcome: 'locked' | 'missing' }> {
  if (!isAutoId(id)) return { outcome: 'missing' };
  const ref = c.trainings.doc(id);
  const outcome = await c.trainings.firestore.runTransaction(async (tx) => {
    const fresh = await tx.get(ref);
    if (!fresh.exists) return 'missing' as const;
    if (fresh.get('reportsOpened') === true && changesOpenedReports(fresh.data() as TrainingInput, t))
      return 'locked' as const;
    tx.set(
      ref,
      {
        ...t,
        ...(t.organiserKind ? {} : { organiserKind: null }),
        ...(t.curriculum ? {} : { curriculum: null }),
        ...(t.competency ? {} : { competency: null }),
        updatedBy: by,
        updatedAt: Timestamp.fromDate(now),
      },
      { merge: true },
    );
    return 'saved' as const;
  });
  return outcome === 'saved' ? { outcome, training: trainingView(await ref.get()) } : { outcome };
}
