import { normaliseInput } from '../conversation/commands';
import type { InboundEvent } from '../conversation/event';
import { CORE_COMPETENCIES, competency, EXECUTIVE_COMPETENCIES } from '../domain/competencies';
import { graphemeLength } from '../text/graphemes';
import type { AnswerValue, Respondent, SurveyChoice, SurveyQuestion } from './survey';

// What one chat event means for the question being asked: an answer that moves on, a change that stays
// on the question (a pick toggled, a photo added), or a Thai hint why it is not an answer. The flow
// owns what happens next; this file only reads input.

/** Postback actions of the survey flow; short because postback data is signed and ≤ 300 chars. */
export const SURVEY_POSTBACK = {
  /** an answer button: `q` question id, `v` choice id or Likert value */
  answer: 'sv.a',
  /** "เสร็จ" on a pick or photo question, "คงคำตอบเดิม" elsewhere: `q` question id */
  done: 'sv.d',
  /** "ข้าม" on an optional question: `q` question id */
  skip: 'sv.k',
  /** "ส่งแบบสำรวจ" on the summary */
  submit: 'sv.s',
  /** "แก้ไขข้อ …" on the summary: `q` question id */
  edit: 'sv.e',
} as const;

export const SURVEY_DONE_WORDS: ReadonlySet<string> = new Set([
  'เสร็จ',
  'เสร็จแล้ว',
  'ยืนยัน',
  'ตกลง',
  'คงเดิม',
  'คงคำตอบเดิม',
]);
export const SURVEY_SKIP_WORDS: ReadonlySet<string> = new Set(['ข้าม', 'ไม่ตอบ', 'ไม่มี', '-']);

export type AnswerInput =
  /** the question is answered: move on */
  | { readonly kind: 'answer'; readonly value: AnswerValue }
  /** the answer changed but the person stays on the question (undefined: nothing picked any more) */
  | { readonly kind: 'picking'; readonly value: AnswerValue | undefined }
  | { readonly kind: 'invalid'; readonly hint: string };

/**
 * The competencies a person may pick: the five core ones, the managerial ones for anyone who leads
 * others (executives and supervisors: the standard assesses อำนวยการ/บริหาร positions on them), and
 * their job line's functional ones from the staff record.
 */
export function competencyChoices(r: Respondent): readonly SurveyChoice[] {
  const leads = r.roles.includes('executive') || r.roles.includes('supervisor');
  const functional = r.functionalCompetencyIds
    .map((id) => competency(id))
    .filter((c) => c !== undefined && c.group === 'functional');
  const all = [...CORE_COMPETENCIES, ...(leads ? EXECUTIVE_COMPETENCIES : []), ...functional];
  const seen = new Set<string>();
  return all.flatMap((c) => {
    if (!c || seen.has(c.id)) return [];
    seen.add(c.id);
    return [{ id: c.id, label: c.name }];
  });
}

/** The numbered options a question offers (choices, or the person's competencies). */
export function questionChoices(q: SurveyQuestion, r: Respondent): readonly SurveyChoice[] {
  if (q.type === 'singleChoice' || q.type === 'multipleChoice') return q.choices;
  if (q.type === 'competencies') return competencyChoices(r);
  return [];
}

/** At most this many picks for a pick question. */
export function maxPicksOf(q: SurveyQuestion, choices: readonly SurveyChoice[]): number {
  if (q.type === 'multipleChoice') return Math.min(q.maxPicks ?? choices.length, choices.length);
  if (q.type === 'competencies') return Math.min(q.maxPicks, choices.length);
  return 1;
}

const invalid = (hint: string): AnswerInput => ({ kind: 'invalid', hint });

/**
 * Reads `event` as an answer to `q`. `current` is the answer stored so far (picks being toggled,
 * photos already sent); `choices` is `questionChoices(q, respondent)`.
 */
export function readSurveyAnswer(
  q: SurveyQuestion,
  event: InboundEvent,
  current: AnswerValue | undefined,
  choices: readonly SurveyChoice[],
): AnswerInput {
  const payload = event.kind === 'postback' ? event.payload : undefined;
  if (payload && payload.q !== q.id) return invalid('ปุ่มนี้เป็นของข้ออื่น กรุณาตอบข้อปัจจุบันด้านล่าง');
  const typed = event.kind === 'text' ? normaliseInput(event.text) : undefined;

  // "ไม่มี" is a fair answer to a required text question; elsewhere it means "skip"
  const skipWord =
    typed !== undefined &&
    (typed === 'ข้าม' || (SURVEY_SKIP_WORDS.has(typed) && !(isFreeText(q) && q.required)));
  if (payload?.a === SURVEY_POSTBACK.skip || skipWord) {
    return q.required
      ? invalid('ข้อนี้จำเป็นต้องตอบ ข้ามไม่ได้ กรุณาตอบคำถามด้านล่าง')
      : { kind: 'answer', value: { type: 'skipped' } };
  }
  const done = payload?.a === SURVEY_POSTBACK.done || (typed !== undefined && SURVEY_DONE_WORDS.has(typed));

  switch (q.type) {
    case 'singleChoice':
    case 'likert':
    case 'number':
    case 'shortText':
    case 'longText': {
      // "คงคำตอบเดิม" when revisiting an answered question
      if (done && current && current.type !== 'skipped') return { kind: 'answer', value: current };
      if (done && payload) return invalid('ยังไม่ได้ตอบข้อนี้ กรุณาตอบก่อน');
      if (q.type === 'singleChoice') return readSingle(event, choices);
      if (q.type === 'likert') return readLikert(event, q.labels);
      if (q.type === 'number') return readNumber(event, q);
      return readText(event, q.maxLength);
    }
    case 'multipleChoice':
    case 'competencies':
      return readPicks(q, event, current, choices, done);
    case 'photo':
      return readPhoto(q, event, current, done);
  }
}

const isFreeText = (q: SurveyQuestion) => q.type === 'shortText' || q.type === 'longText';

/** Why this kind of event is no answer to a question that wants `want`. */
function wrongKind(event: InboundEvent, want: string): string {
  switch (event.kind) {
    case 'image':
      return `ข้อนี้ไม่รับรูปภาพ ${want}`;
    case 'unsupported':
      return `ขออภัย ข้อนี้รับ${event.what === 'sticker' ? 'สติกเกอร์' : 'ข้อความประเภทนี้'}ไม่ได้ ${want}`;
    case 'postback':
      return `ปุ่มนี้ใช้กับข้อนี้ไม่ได้ ${want}`;
    default:
      return want;
  }
}

/** "3", "1,3", "1 3 4" (Thai digits too) → [3], [1,3], [1,3,4]; undefined when it is not a list. */
export function parseNumberList(typed: string): number[] | undefined {
  if (!/^\d+(\s*[,\s]\s*\d+)*$/.test(typed)) return undefined;
  return typed.split(/[,\s]+/).map(Number);
}

function readSingle(event: InboundEvent, choices: readonly SurveyChoice[]): AnswerInput {
  const want = `กรุณาเลือกจากปุ่มด้านล่าง หรือพิมพ์หมายเลข 1 ถึง ${choices.length}`;
  if (event.kind === 'postback' && event.payload.a === SURVEY_POSTBACK.answer) {
    const c = choices.find((x) => x.id === event.payload.v);
    return c ? { kind: 'answer', value: { type: 'choice', choiceId: c.id } } : invalid(want);
  }
  if (event.kind !== 'text') return invalid(wrongKind(event, want));
  const typed = normaliseInput(event.text);
  const byLabel = choices.find((c) => normaliseInput(c.label) === typed);
  if (byLabel) return { kind: 'answer', value: { type: 'choice', choiceId: byLabel.id } };
  const list = parseNumberList(typed);
  if (list && list.length > 1) return invalid(`ข้อนี้เลือกได้คำตอบเดียว ${want}`);
  if (list) {
    const c = choices[(list[0] as number) - 1];
    return c
      ? { kind: 'answer', value: { type: 'choice', choiceId: c.id } }
      : invalid(`ไม่มีตัวเลือกหมายเลข ${list[0]} ${want}`);
  }
  return invalid(want);
}

function readLikert(event: InboundEvent, labels: readonly string[]): AnswerInput {
  const want = 'กรุณาเลือกระดับ 1 ถึง 5 จากปุ่มด้านล่าง หรือพิมพ์ตัวเลข';
  const ok = (v: number): AnswerInput =>
    Number.isInteger(v) && v >= 1 && v <= 5
      ? { kind: 'answer', value: { type: 'likert', value: v as 1 | 2 | 3 | 4 | 5 } }
      : invalid(`"${v}" อยู่นอกช่วง ${want}`);
  if (event.kind === 'postback' && event.payload.a === SURVEY_POSTBACK.answer)
    return ok(Number(event.payload.v));
  if (event.kind !== 'text') return invalid(wrongKind(event, want));
  const typed = normaliseInput(event.text);
  const byLabel = labels.findIndex((l) => normaliseInput(l) === typed);
  if (byLabel >= 0) return ok(byLabel + 1);
  const m = /^(-?\d+(?:\.\d+)?)(?:\s+\S.*)?$/.exec(typed);
  return m ? ok(Number(m[1])) : invalid(want);
}

function readNumber(event: InboundEvent, q: Extract<SurveyQuestion, { type: 'number' }>): AnswerInput {
  const decimals = q.decimals ?? 0;
  const range = `${formatSurveyNumber(q.min)} ถึง ${formatSurveyNumber(q.max)}${q.unit ? ` ${q.unit}` : ''}`;
  const want = `กรุณาพิมพ์ตัวเลข ${range}`;
  if (event.kind !== 'text') return invalid(wrongKind(event, want));
  let typed = normaliseInput(event.text);
  if (q.unit && typed.endsWith(normaliseInput(q.unit))) typed = typed.slice(0, -q.unit.length).trim();
  // thousands separators and spaces people type: "1,200" or "1 200"
  const plain = typed.replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return invalid(`"${event.text.trim()}" ไม่ใช่ตัวเลข ${want}`);
  const fraction = plain.split('.')[1] ?? '';
  if (fraction.length > decimals) {
    return invalid(
      decimals === 0 ? `ข้อนี้รับเฉพาะจำนวนเต็ม ไม่มีทศนิยม ${want}` : `ทศนิยมได้ไม่เกิน ${decimals} ตำแหน่ง ${want}`,
    );
  }
  const value = Number(plain);
  if (value < q.min || value > q.max) return invalid(`${formatSurveyNumber(value)} อยู่นอกช่วง ${want}`);
  return { kind: 'answer', value: { type: 'number', value } };
}

export const formatSurveyNumber = (n: number): string =>
  n.toLocaleString('th-TH', { maximumFractionDigits: 6 });

function readText(event: InboundEvent, maxLength: number): AnswerInput {
  const want = `กรุณาพิมพ์คำตอบเป็นข้อความ ไม่เกิน ${maxLength} ตัวอักษร`;
  if (event.kind !== 'text') return invalid(wrongKind(event, want));
  const t = event.text.trim();
  if (t === '') return invalid(want);
  if (graphemeLength(t) > maxLength) {
    return invalid(
      `คำตอบยาวเกินไป (${graphemeLength(t)} ตัวอักษร) กรุณาพิมพ์ไม่เกิน ${maxLength} ตัวอักษร หรือสรุปให้สั้นลง`,
    );
  }
  return { kind: 'answer', value: { type: 'text', value: t } };
}

function picksOf(a: AnswerValue | undefined): readonly string[] {
  if (a?.type === 'choices') return a.choiceIds;
  if (a?.type === 'competencies') return a.competencyIds;
  return [];
}

function readPicks(
  q: Extract<SurveyQuestion, { type: 'multipleChoice' | 'competencies' }>,
  event: InboundEvent,
  current: AnswerValue | undefined,
  choices: readonly SurveyChoice[],
  done: boolean,
): AnswerInput {
  const max = maxPicksOf(q, choices);
  const want = `กดเลือกได้ไม่เกิน ${max} ข้อ แล้วกด "เสร็จ" หรือพิมพ์หมายเลขคั่นด้วยจุลภาค เช่น 1,3`;
  const value = (ids: readonly string[]): AnswerValue | undefined => {
    // keep survey order whatever the tapping order, so results and summaries read the same
    const ordered = choices.filter((c) => ids.includes(c.id)).map((c) => c.id);
    if (ordered.length === 0) return undefined;
    return q.type === 'competencies'
      ? { type: 'competencies', competencyIds: ordered }
      : { type: 'choices', choiceIds: ordered };
  };
  const picked = picksOf(current);
  if (done) {
    if (picked.length > 0) return { kind: 'answer', value: value(picked) as AnswerValue };
    return q.required
      ? invalid(`ยังไม่ได้เลือกเลย ข้อนี้ต้องเลือกอย่างน้อย 1 ข้อ ${want}`)
      : { kind: 'answer', value: { type: 'skipped' } };
  }
  const toggle = (id: string): AnswerInput => {
    if (picked.includes(id)) return { kind: 'picking', value: value(picked.filter((p) => p !== id)) };
    if (picked.length >= max) {
      return invalid(`เลือกได้ไม่เกิน ${max} ข้อ ตอนนี้เลือกครบแล้ว กดข้อที่เลือกไว้อีกครั้งเพื่อเอาออก หรือกด "เสร็จ"`);
    }
    return { kind: 'picking', value: value([...picked, id]) };
  };
  if (event.kind === 'postback' && event.payload.a === SURVEY_POSTBACK.answer) {
    const c = choices.find((x) => x.id === event.payload.v);
    return c ? toggle(c.id) : invalid(want);
  }
  if (event.kind !== 'text') return invalid(wrongKind(event, want));
  const typed = normaliseInput(event.text);
  const byLabel = choices.find((c) => normaliseInput(c.label) === typed);
  if (byLabel) return toggle(byLabel.id);
  const list = parseNumberList(typed);
  if (!list) return invalid(want);
  const unknown = list.filter((n) => n < 1 || n > choices.length);
  if (unknown.length > 0) {
    return invalid(`ไม่มีตัวเลือกหมายเลข ${unknown.join(', ')} (มี 1 ถึง ${choices.length}) ${want}`);
  }
  const ids = [...new Set(list.map((n) => (choices[n - 1] as SurveyChoice).id))];
  if (ids.length > max) return invalid(`เลือกมา ${ids.length} ข้อ แต่ข้อนี้เลือกได้ไม่เกิน ${max} ข้อ`);
  // a typed list is the whole answer: it replaces the picks and moves on
  return { kind: 'answer', value: value(ids) as AnswerValue };
}

function readPhoto(
  q: Extract<SurveyQuestion, { type: 'photo' }>,
  event: InboundEvent,
  current: AnswerValue | undefined,
  done: boolean,
): AnswerInput {
  const photos = current?.type === 'photos' ? current.photos : [];
  const want = `กรุณาส่งรูปภาพ (ได้สูงสุด ${q.maxPhotos} รูป) แล้วกด "เสร็จ"`;
  if (event.kind === 'image') {
    if (photos.some((p) => p.messageId === event.messageId)) return { kind: 'picking', value: current };
    if (photos.length >= q.maxPhotos) {
      return invalid(`ครบ ${q.maxPhotos} รูปแล้ว รูปนี้จึงไม่ได้แนบ กด "เสร็จ" เพื่อไปต่อ`);
    }
    return {
      kind: 'picking',
      value: { type: 'photos', photos: [...photos, { messageId: event.messageId }] },
    };
  }
  if (done) {
    if (photos.length > 0) return { kind: 'answer', value: { type: 'photos', photos } };
    return q.required
      ? invalid(`ยังไม่ได้รับรูปเลย ข้อนี้ต้องส่งรูปอย่างน้อย 1 รูป ${want}`)
      : { kind: 'answer', value: { type: 'skipped' } };
  }
  if (event.kind === 'text') {
    return invalid(`ข้อนี้รับเฉพาะรูปภาพ กด "ถ่ายรูป" หรือ "เลือกรูป" ด้านล่าง${q.required ? '' : ' หรือกด "ข้าม"'}`);
  }
  return invalid(wrongKind(event, want));
}
