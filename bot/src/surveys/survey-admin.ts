import { randomBytes } from 'node:crypto';
import {
  anonymousMinGroup,
  bangkokDate,
  copySurvey,
  type DivisionRate,
  type ExportTable,
  fiscalYearOf,
  hiddenDivisions,
  type IsoDate,
  inAudience,
  isIsoDate,
  isSurveyId,
  type MySurvey,
  NO_DIVISION,
  questionCountText,
  type Role,
  type StaffType,
  type SurveyAudience,
  type SurveyDefinition,
  type SurveyResponse,
  type SurveyResultsView,
  type SurveyStatus,
  type SurveySummary,
  type SurveyTemplateKind,
  surveyAvailability,
  surveyExportTable,
  surveyFromTemplate,
  surveyPersonKey,
  surveyResults,
  tooFewResponsesNote,
  tooFewToShow,
  validateSurvey,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  type DocumentSnapshot,
  Timestamp,
} from 'firebase-admin/firestore';
import writeXlsxFile from 'write-excel-file/node';
import type { AfterCommit, CommittedWork } from '../outbox/after-commit';
import {
  respondentOf,
  type StaffRecord,
  type StaffSource,
  staffRecords,
} from '../people/staff-record-repository';
import { withoutUndefined } from '../store/without-undefined';
import { readSurveyCounts, type SurveyCounts } from './survey-counters';
import { surveyPhotos } from './survey-photo-access';
import { openSurveys, surveyFromDoc, surveysOfYear } from './survey-records';

// HR's survey management, shared by the LIFF API and the `npm run surveys` CLI: create from a template
// or from last year's survey, edit a draft, open it (the audience is counted per division then, so
// response rates have a fixed denominator, and the invitations are queued), close it, and read the
// results and the export. The survey document holds the definition plus the counters the chat
// maintains (`responseCount`, `responsesByDivision`) and the audience counted at opening.

export interface SurveyAdminCollections extends StaffSource {
  /** the municipality document: its `divisions` name the divisions */
  readonly municipality: DocumentReference;
  readonly surveys: CollectionReference;
  readonly surveyDrafts: CollectionReference;
  readonly surveyCompletions: CollectionReference;
}

/** A refusal with a Thai message; `errors` lists every problem found (validation). */
export class SurveyAdminError extends Error {
  override readonly name = 'SurveyAdminError';
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
    readonly errors: readonly string[] = [],
  ) {
    super(message);
  }
}

export const SURVEY_TEMPLATE_KINDS: readonly SurveyTemplateKind[] = [
  'trainingNeeds',
  'satisfaction',
  'fiveS',
  'fairness',
];

export const NOT_FOUND = 'ไม่พบแบบสำรวจนี้ อาจถูกลบแล้ว';

export type CreateSurveyInput =
  | {
      readonly template: SurveyTemplateKind;
      readonly title?: string;
      readonly description?: string;
      readonly opensOn: IsoDate;
      readonly closesOn: IsoDate;
      readonly audience?: SurveyAudience;
      readonly activity?: { readonly date: IsoDate; readonly area: string };
    }
  | {
      readonly copyFrom: string;
      readonly opensOn: IsoDate;
      readonly closesOn: IsoDate;
      readonly activity?: { readonly date: IsoDate; readonly area: string };
    };

export interface SurveyPatch {
  readonly title?: string;
  readonly description?: string;
  readonly opensOn?: IsoDate;
  readonly closesOn?: IsoDate;
  readonly audience?: SurveyAudience;
  readonly status?: SurveyStatus;
}

const pct = (n: number, of: number): number | null => (of > 0 ? Math.round((n / of) * 1000) / 10 : null);

/** Names to show in figures: the municipality's divisions and the bucket of people without one. */
const forFigures = (names: Record<string, string>): Record<string, string> => ({
  ...names,
  [NO_DIVISION]: 'ไม่ระบุหน่วยงาน',
});

/** The municipality's division names by id (what an audience may name). */
export async function divisionNames(c: SurveyAdminCollections): Promise<Record<string, string>> {
  const divisions = (await c.municipality.get()).get('divisions');
  const out: Record<string, string> = {};
  if (Array.isArray(divisions))
    for (const d of divisions as { id?: unknown; name?: unknown }[])
      if (typeof d?.id === 'string') out[d.id] = typeof d.name === 'string' ? d.name : d.id;
  return out;
}

/** People asked per division: counted at opening, or (for a survey opened some other way) now. */
interface Audience {
  readonly byDivision: Record<string, number>;
  readonly total: number;
  readonly countedAtOpening: boolean;
}

/** Reads the staff list at most once for any number of surveys that need their audience counted now. */
function audienceReader(c: SurveyAdminCollections) {
  let staff: Promise<StaffRecord[]> | undefined;
  return async (snap: DocumentSnapshot): Promise<Audience | null> => {
    const stored = snap.get('audienceByDivision');
    if (stored && typeof stored === 'object') {
      const byDivision = stored as Record<string, number>;
      const total = snap.get('audienceCount');
      return {
        byDivision,
        total: typeof total === 'number' ? total : Object.values(byDivision).reduce((a, b) => a + b, 0),
        countedAtOpening: true,
      };
    }
    if (snap.get('status') === 'draft') return null;
    staff ??= activeStaff(c);
    return { ...tally(await staff, surveyFromDoc(snap).audience), countedAtOpening: false };
  };
}

const NO_COUNTS: SurveyCounts = { responseCount: 0, responsesByDivision: {} };

function summaryOf(
  snap: DocumentSnapshot,
  names: Record<string, string>,
  today: IsoDate,
  asked: Audience | null,
  counts: SurveyCounts,
): SurveySummary {
  const s = surveyFromDoc(snap);
  const counters = counts.responsesByDivision;
  const audienceBy = asked?.byDivision ?? {};
  const audienceCount = asked ? asked.total : null;
  const { responseCount } = counts;
  const ids = [...new Set([...Object.keys(audienceBy), ...Object.keys(counters)])];
  const hidden = hiddenDivisions(s, new Map(ids.map((id) => [id, counters[id] ?? 0])));
  const divisions = ids
    .map((divisionId): DivisionRate => {
      const audience = audienceBy[divisionId] ?? 0;
      const base = { divisionId, name: names[divisionId] ?? divisionId, audience, satisfactionPercent: null };
      const suppressed = hidden.get(divisionId);
      if (suppressed) return { ...base, responses: null, ratePercent: null, suppressed };
      const n = counters[divisionId] ?? 0;
      return { ...base, responses: n, ratePercent: pct(n, audience) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'th') || a.divisionId.localeCompare(b.divisionId));
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    description: s.description ?? null,
    fiscalYear: s.fiscalYear,
    status: s.status,
    availability: surveyAvailability(s, today),
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    anonymous: s.anonymous,
    minGroupSize: s.minGroupSize,
    audience: s.audience,
    activity: s.activity ?? null,
    copiedFrom: s.copiedFrom ?? null,
    questionCount: s.questions.length,
    questionCountText: questionCountText(s),
    audienceCount,
    audienceCountedAtOpening: asked?.countedAtOpening ?? false,
    responseCount,
    ratePercent: audienceCount === null ? null : pct(responseCount, audienceCount),
    divisions,
  };
}

/** A fiscal year's surveys, the soonest to open first. */
export async function listSurveys(
  c: SurveyAdminCollections,
  fiscalYear: number,
  now: Date,
): Promise<SurveySummary[]> {
  const [snap, names] = await Promise.all([
    surveysOfYear(c.surveys, fiscalYear).get(),
    divisionNames(c).then(forFigures),
  ]);
  const today = bangkokDate(now);
  const audience = audienceReader(c);
  const [asked, counts] = await Promise.all([
    Promise.all(snap.docs.map(audience)),
    Promise.all(snap.docs.map(readSurveyCounts)),
  ]);
  return snap.docs
    .map((d, i) => summaryOf(d, names, today, asked[i] ?? null, counts[i] ?? NO_COUNTS))
    .sort((a, b) => a.opensOn.localeCompare(b.opensOn) || a.id.localeCompare(b.id));
}

export async function getSurvey(
  c: SurveyAdminCollections,
  id: string,
  now: Date,
): Promise<{ summary: SurveySummary; definition: SurveyDefinition }> {
  const snap = await readSurvey(c, id);
  const [asked, counts] = await Promise.all([audienceReader(c)(snap), readSurveyCounts(snap)]);
  return {
    summary: summaryOf(snap, forFigures(await divisionNames(c)), bangkokDate(now), asked, counts),
    definition: surveyFromDoc(snap),
  };
}

export async function readSurvey(c: SurveyAdminCollections, id: string): Promise<DocumentSnapshot> {
  if (!isSurveyId(id)) throw new SurveyAdminError(NOT_FOUND, 404);
  const snap = await c.surveys.doc(id).get();
  if (!snap.exists) throw new SurveyAdminError(NOT_FOUND, 404);
  return snap;
}

/** Dates, the template, known divisions: checked here; the definition itself by the shared validator. */
function checkDates(o: { opensOn?: unknown; closesOn?: unknown }, errors: string[]) {
  if (typeof o.opensOn !== 'string' || !isIsoDate(o.opensOn))
    errors.push('กรุณาระบุวันเปิดรับคำตอบ (รูปแบบ YYYY-MM-DD)');
  if (typeof o.closesOn !== 'string' || !isIsoDate(o.closesOn))
    errors.push('กรุณาระบุวันปิดรับคำตอบ (รูปแบบ YYYY-MM-DD)');
}

function checkAudience(audience: SurveyAudience, names: Record<string, string>, errors: string[]) {
  const known = Object.keys(names);
  for (const id of audience.divisionIds ?? [])
    if (known.length > 0 && !known.includes(id))
      errors.push(`ไม่พบหน่วยงานรหัส "${id}" ในรายชื่อหน่วยงานของเทศบาล`);
}

function refuseIfInvalid(s: SurveyDefinition, errors: string[]) {
  const all = [...errors, ...validateSurvey(s)];
  if (all.length > 0) throw new SurveyAdminError('กรุณาแก้ไขข้อมูลแบบสำรวจตามที่แจ้ง', 400, [...new Set(all)]);
}

const newSurveyId = (kind: string, fiscalYear: number) =>
  `${kind}-${fiscalYear}-${randomBytes(3).toString('hex')}`;

/** Creates a draft from a template, or copies an earlier survey with new dates. */
export async function createSurvey(
  c: SurveyAdminCollections,
  input: CreateSurveyInput,
  by: string,
  now: Date,
): Promise<SurveySummary> {
  const errors: string[] = [];
  checkDates(input, errors);
  if (input.activity) {
    if (!isIsoDate(input.activity.date)) errors.push('กรุณาระบุวันที่จัดกิจกรรม (รูปแบบ YYYY-MM-DD)');
    if (typeof input.activity.area !== 'string' || input.activity.area.trim() === '')
      errors.push('กรุณาระบุพื้นที่จัดกิจกรรม');
  }
  const names = await divisionNames(c);
  let survey: SurveyDefinition;
  if ('copyFrom' in input) {
    // checked before the read: a "/" or ".." would not even name a document
    const from = String(input.copyFrom);
    const source = isSurveyId(from) ? await c.surveys.doc(from).get() : undefined;
    if (!source?.exists)
      throw new SurveyAdminError('ไม่พบแบบสำรวจต้นฉบับที่จะคัดลอก', 400, ['ไม่พบแบบสำรวจต้นฉบับที่จะคัดลอก']);
    if (errors.length > 0) refuseIfInvalidDates(errors);
    const original = surveyFromDoc(source);
    survey = copySurvey(original, {
      id: newSurveyId(original.kind, fiscalYearOf(input.opensOn)),
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      ...(input.activity
        ? { activity: { date: input.activity.date, area: input.activity.area.trim() } }
        : {}),
    });
  } else {
    if (!SURVEY_TEMPLATE_KINDS.includes(input.template))
      errors.push('กรุณาเลือกแบบสำรวจ: ความต้องการพัฒนา ความพึงพอใจ หรือกิจกรรม 5ส');
    if (input.template === 'fiveS' && !input.activity) errors.push('กิจกรรม 5ส: กรุณาระบุวันที่และพื้นที่จัดกิจกรรม');
    const audience = normaliseAudience(input.audience ?? {});
    checkAudience(audience, names, errors);
    if (errors.length > 0) refuseIfInvalidDates(errors);
    const fiscalYear = fiscalYearOf(input.opensOn);
    const base = surveyFromTemplate(input.template, {
      id: newSurveyId(input.template, fiscalYear),
      fiscalYear,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      audience,
      ...(input.activity
        ? { activity: { date: input.activity.date, area: input.activity.area.trim() } }
        : {}),
    });
    survey = {
      ...base,
      ...(input.title?.trim() ? { title: input.title.trim() } : {}),
      ...(input.description?.trim() ? { description: input.description.trim() } : {}),
    };
  }
  // HR's setting (ตั้งค่าระบบ) for anonymous results: a new survey's minimum group, a copy never below it
  const setting = (await c.municipality.get()).get('surveyDefaults.minGroupSize');
  if (survey.anonymous && typeof setting === 'number' && Number.isInteger(setting))
    survey = {
      ...survey,
      minGroupSize: 'copyFrom' in input ? Math.max(survey.minGroupSize, setting) : setting,
    };
  refuseIfInvalid(survey, errors);
  await c.surveys.doc(survey.id).create({
    ...withoutUndefined(survey),
    responseCount: 0,
    responsesByDivision: {},
    createdAt: Timestamp.fromDate(now),
    createdBy: by,
  });
  return summaryOf(await c.surveys.doc(survey.id).get(), names, bangkokDate(now), null, NO_COUNTS);
}

/** Dates that cannot be read stop everything else (a fiscal year cannot even be named). */
function refuseIfInvalidDates(errors: string[]): never {
  throw new SurveyAdminError('กรุณาแก้ไขข้อมูลแบบสำรวจตามที่แจ้ง', 400, errors);
}

function normaliseAudience(a: SurveyAudience): SurveyAudience {
  const out: { divisionIds?: string[]; staffTypes?: StaffType[]; roles?: Role[] } = {};
  if (a.divisionIds?.length) out.divisionIds = [...new Set(a.divisionIds)];
  if (a.staffTypes?.length) out.staffTypes = [...new Set(a.staffTypes)];
  if (a.roles?.length) out.roles = [...new Set(a.roles)];
  return out;
}

const activeStaff = (c: StaffSource): Promise<StaffRecord[]> =>
  staffRecords(c).active({ fields: ['divisionId', 'staffType', 'roles', 'functionalCompetencyIds'] });

function tally(staff: readonly StaffRecord[], audience: SurveyAudience) {
  const byDivision: Record<string, number> = {};
  let total = 0;
  for (const p of staff) {
    if (!inAudience(audience, p)) continue;
    const key = p.divisionId || NO_DIVISION;
    byDivision[key] = (byDivision[key] ?? 0) + 1;
    total += 1;
  }
  return { byDivision, total };
}

/** Active staff the audience names, per division: the response rate's denominator. */
export async function countAudience(
  c: StaffSource,
  audience: SurveyAudience,
): Promise<{ byDivision: Record<string, number>; total: number }> {
  return tally(await activeStaff(c), audience);
}

/**
 * Edits a survey and moves it draft → open → closed. A draft may change anything here; an open survey
 * only its wording and closing date (its audience was counted and invited); a closed one nothing.
 * Opening counts the audience and queues the invitations (when a task queue is given).
 */
export async function updateSurvey(
  c: SurveyAdminCollections,
  id: string,
  patch: SurveyPatch,
  o: { by: string; now: Date; afterCommit?: AfterCommit },
): Promise<{ survey: SurveySummary; invitationsQueued: boolean }> {
  const snap = await readSurvey(c, id);
  const current = surveyFromDoc(snap);
  const names = await divisionNames(c);
  const today = bangkokDate(o.now);
  const errors: string[] = [];
  const next = patch.status ?? current.status;
  const opening = current.status === 'draft' && next === 'open';
  const closing = current.status === 'open' && next === 'closed';
  if (current.status === 'closed') throw new SurveyAdminError('แบบสำรวจนี้ปิดแล้ว จึงแก้ไขไม่ได้', 409);
  if (next !== current.status && !opening && !closing)
    throw new SurveyAdminError(
      next === 'draft' ? 'แบบสำรวจที่เปิดแล้วกลับเป็นร่างไม่ได้' : 'ต้องเปิดแบบสำรวจก่อนจึงจะปิดได้',
      409,
    );
  if (current.status === 'open' && (patch.opensOn !== undefined || patch.audience !== undefined))
    throw new SurveyAdminError('แบบสำรวจเปิดแล้ว เปลี่ยนวันเปิดหรือกลุ่มเป้าหมายไม่ได้ (ปิดแล้วสร้างใหม่แทน)', 409);
  if (patch.opensOn !== undefined && !isIsoDate(patch.opensOn))
    errors.push('วันเปิดรับคำตอบไม่ถูกต้อง (รูปแบบ YYYY-MM-DD)');
  if (patch.closesOn !== undefined && !isIsoDate(patch.closesOn))
    errors.push('วันปิดรับคำตอบไม่ถูกต้อง (รูปแบบ YYYY-MM-DD)');
  if (patch.title !== undefined && patch.title.trim() === '') errors.push('กรุณาตั้งชื่อแบบสำรวจ');
  if (errors.length > 0) refuseIfInvalidDates(errors);
  const audience = patch.audience ? normaliseAudience(patch.audience) : current.audience;
  if (patch.audience) checkAudience(audience, names, errors);
  const edited: SurveyDefinition = {
    ...current,
    ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
    ...(patch.description !== undefined ? { description: patch.description.trim() } : {}),
    ...(patch.opensOn !== undefined
      ? { opensOn: patch.opensOn, fiscalYear: fiscalYearOf(patch.opensOn) }
      : {}),
    ...(patch.closesOn !== undefined ? { closesOn: patch.closesOn } : {}),
    audience,
    status: next,
  };
  if ((opening || patch.closesOn !== undefined) && !closing && edited.closesOn < today)
    errors.push('วันปิดรับคำตอบผ่านไปแล้ว กรุณาเลื่อนวันปิดก่อนเปิดแบบสำรวจ');
  refuseIfInvalid(edited, errors);

  // a survey opened without a count (seeded, or before this existed) gets one on the next "open"
  const uncounted =
    current.status === 'open' &&
    next === 'open' &&
    patch.status === 'open' &&
    !snap.get('audienceByDivision');
  const counted = opening || uncounted ? await countAudience(c, edited.audience) : undefined;
  if (counted && counted.total === 0)
    throw new SurveyAdminError('ไม่มีบุคลากรในกลุ่มเป้าหมายนี้ กรุณาตรวจสอบหน่วยงานหรือประเภทบุคลากร', 400, [
      'ไม่มีบุคลากรในกลุ่มเป้าหมายนี้',
    ]);
  const at = Timestamp.fromDate(o.now);
  const ref = c.surveys.doc(id);
  let work: CommittedWork | undefined;
  await ref.firestore.runTransaction(async (tx) => {
    work = undefined; // a retried transaction records its own
    const again = await tx.get(ref);
    // someone else opened or closed it meanwhile: their change stands
    if (again.get('status') !== current.status)
      throw new SurveyAdminError('มีผู้อื่นเปลี่ยนสถานะแบบสำรวจนี้ไปแล้ว กรุณาโหลดหน้าใหม่', 409);
    tx.update(ref, {
      title: edited.title,
      ...(edited.description !== undefined ? { description: edited.description } : {}),
      opensOn: edited.opensOn,
      closesOn: edited.closesOn,
      fiscalYear: edited.fiscalYear,
      audience: withoutUndefined(edited.audience),
      status: edited.status,
      updatedAt: at,
      updatedBy: o.by,
      ...(counted
        ? {
            audienceByDivision: counted.byDivision,
            audienceCount: counted.total,
            openedAt: at,
            openedBy: o.by,
          }
        : {}),
      ...(closing ? { closedAt: at, closedBy: o.by } : {}),
    });
    // the invitations' task is committed with the opening: a crash before it is queued leaves it to the sweeper
    if (opening && o.afterCommit)
      work = o.afterCommit.record(tx, [{ type: 'surveyInvitations', surveyId: id }]);
  });
  const invitationsQueued = work !== undefined;
  await o.afterCommit?.deliver(work);
  const after = await ref.get();
  return {
    survey: summaryOf(
      after,
      forFigures(names),
      today,
      await audienceReader(c)(after),
      await readSurveyCounts(after),
    ),
    invitationsQueued,
  };
}

async function responsesOf(c: SurveyAdminCollections, id: string): Promise<SurveyResponse[]> {
  // document-id order: random for anonymous responses, so it says nothing about who answered when
  const snap = await c.surveys.doc(id).collection('responses').get();
  return snap.docs.map((d) => {
    const r = d.data();
    return {
      surveyId: id,
      answers: (r.answers ?? {}) as SurveyResponse['answers'],
      divisionId: typeof r.divisionId === 'string' ? r.divisionId : '',
      ...(typeof r.staffType === 'string' ? { staffType: r.staffType as StaffType } : {}),
      ...(typeof r.submittedOn === 'string' ? { submittedOn: r.submittedOn } : {}),
      ...(typeof r.employeeId === 'string' ? { employeeId: r.employeeId } : {}),
    };
  });
}

export async function loadSurveyResults(
  c: SurveyAdminCollections,
  id: string,
  now: Date,
): Promise<SurveyResultsView> {
  const snap = await readSurvey(c, id);
  const [names, responses, completions] = await Promise.all([
    divisionNames(c).then(forFigures),
    responsesOf(c, id),
    c.surveyCompletions.where('surveyId', '==', id).count().get(),
  ]);
  const survey = surveyFromDoc(snap);
  const [asked, photos, counts] = await Promise.all([
    audienceReader(c)(snap),
    surveyPhotos(c, survey, responses, names),
    readSurveyCounts(snap),
  ]);
  return {
    survey: summaryOf(snap, names, bangkokDate(now), asked, counts),
    results: surveyResults({
      survey,
      responses,
      audienceByDivision: asked?.byDivision ?? {},
      divisionNames: names,
    }),
    completions: completions.data().count,
    photos,
    exportRefusal: tooFewToShow(survey, responses.length)
      ? tooFewResponsesNote(anonymousMinGroup(survey))
      : null,
  };
}

export async function loadSurveyExport(
  c: SurveyAdminCollections,
  id: string,
): Promise<{ survey: SurveyDefinition; table: ExportTable }> {
  const snap = await readSurvey(c, id);
  const survey = surveyFromDoc(snap);
  const [names, responses] = await Promise.all([divisionNames(c).then(forFigures), responsesOf(c, id)]);
  // one row per response: with fewer than the minimum group, each row is one of a known few people's
  if (tooFewToShow(survey, responses.length))
    throw new SurveyAdminError(tooFewResponsesNote(anonymousMinGroup(survey)), 409);
  let employeeNames: Record<string, string> | undefined;
  if (!survey.anonymous) {
    const ids = [...new Set(responses.flatMap((r) => (r.employeeId ? [r.employeeId] : [])))];
    const people = await staffRecords(c).byIds(ids, { fields: ['name'] });
    employeeNames = Object.fromEntries([...people].map(([id, r]) => [id, r.name]));
  }
  return {
    survey,
    table: surveyExportTable({
      survey,
      responses,
      divisionNames: names,
      ...(employeeNames ? { employeeNames } : {}),
    }),
  };
}

/** The export as an Excel workbook: bold headers, numbers as numbers. */
export async function exportXlsx(table: ExportTable, sheet = 'คำตอบ'): Promise<Buffer> {
  const header = table.headers.map((h) => ({ value: h, fontWeight: 'bold' as const }));
  const rows = table.rows.map((r) =>
    r.map((v) =>
      v === null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String },
    ),
  );
  return writeXlsxFile([header, ...rows], { sheet: sheet.slice(0, 31) }).toBuffer();
}

/** A file name for the export: ASCII (headers), the survey id and today. */
export const exportFileName = (id: string, now: Date, ext: 'csv' | 'xlsx') =>
  `survey-${id}-${bangkokDate(now)}.${ext}`;

/** Open surveys that ask this person today, with whether they answered or have a draft. */
export async function mySurveys(
  c: SurveyAdminCollections,
  employeeId: string,
  now: Date,
): Promise<MySurvey[]> {
  const today = bangkokDate(now);
  const [employee, open] = await Promise.all([
    staffRecords(c).byId(employeeId),
    openSurveys(c.surveys).get(),
  ]);
  const me = respondentOf(employee);
  if (!me) return [];
  const asking = open.docs
    .map(surveyFromDoc)
    .filter((s) => surveyAvailability(s, today) === 'open' && inAudience(s.audience, me));
  if (asking.length === 0) return [];
  const keys = asking.map((s) => surveyPersonKey(s.id, employeeId));
  const db = c.surveys.firestore;
  const [done, drafts] = await Promise.all([
    db.getAll(...keys.map((k) => c.surveyCompletions.doc(k))),
    db.getAll(...keys.map((k) => c.surveyDrafts.doc(k))),
  ]);
  return asking
    .map((s, i) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      closesOn: s.closesOn,
      anonymous: s.anonymous,
      questionCount: s.questions.length,
      activity: s.activity ?? null,
      answered: done[i]?.exists === true,
      hasDraft: done[i]?.exists !== true && drafts[i]?.exists === true,
    }))
    .sort((a, b) => Number(a.answered) - Number(b.answered) || a.closesOn.localeCompare(b.closesOn));
}
