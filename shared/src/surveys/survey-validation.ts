import { isSurveyId } from '../domain/document-ids';
import { graphemeLength } from '../text/graphemes';
import { isIsoDate } from '../text/thai-date';
import type { SurveyDefinition, SurveyQuestion } from './survey';

// Checks a survey HR made or edited before it is saved or opened. Every problem is reported at once,
// in Thai, naming the question ("ข้อ 3"), so HR can fix them in one go. The limits keep every question
// answerable in chat: ids travel in signed postbacks (≤ 300 characters), Likert buttons carry
// "5 <label>" in LINE's 20-grapheme labels, and a text answer must fit one LINE message.

export const SURVEY_CHOICES_MAX = 20;
export const LIKERT_LABEL_MAX = 18;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 5000;
export const SURVEY_PHOTOS_MAX = 10;
/** anonymous results are never shown for groups smaller than this, whatever HR sets */
export const ANONYMOUS_MIN_GROUP = 3;

/** Thai error messages; empty when the survey is fine. */
export function validateSurvey(s: SurveyDefinition): string[] {
  const errors: string[] = [];
  if (!isSurveyId(s.id)) errors.push('รหัสแบบสำรวจต้องเป็นอักษรอังกฤษ ตัวเลข - หรือ _ ไม่เกิน 40 ตัว');
  if (s.title.trim() === '') errors.push('กรุณาตั้งชื่อแบบสำรวจ');
  if (s.title.length > 150) errors.push('ชื่อแบบสำรวจยาวเกิน 150 ตัวอักษร');
  if (!Number.isInteger(s.fiscalYear) || s.fiscalYear < 2500 || s.fiscalYear > 2700) {
    errors.push(`ปีงบประมาณ "${s.fiscalYear}" ไม่ถูกต้อง กรุณาใช้ปี พ.ศ. เช่น 2570`);
  }
  const datesOk = isIsoDate(s.opensOn) && isIsoDate(s.closesOn);
  if (!isIsoDate(s.opensOn)) errors.push('วันเปิดรับคำตอบไม่ถูกต้อง');
  if (!isIsoDate(s.closesOn)) errors.push('วันปิดรับคำตอบไม่ถูกต้อง');
  if (datesOk && s.opensOn > s.closesOn) errors.push('วันเปิดรับคำตอบต้องไม่หลังวันปิดรับคำตอบ');
  if (!Number.isInteger(s.minGroupSize) || s.minGroupSize < 1) {
    errors.push('จำนวนผู้ตอบขั้นต่ำที่แสดงผลรายกองต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป');
  } else if (s.anonymous && s.minGroupSize < ANONYMOUS_MIN_GROUP) {
    errors.push(
      `แบบสำรวจไม่ระบุตัวตนต้องแสดงผลรายกองเมื่อมีผู้ตอบอย่างน้อย ${ANONYMOUS_MIN_GROUP} คน เพื่อไม่ให้ระบุตัวผู้ตอบได้`,
    );
  }
  const r = s.reminders;
  if (!Number.isInteger(r.maxReminders) || r.maxReminders < 0 || r.maxReminders > 5) {
    errors.push('จำนวนครั้งที่เตือนต้องเป็น 0 ถึง 5 ครั้ง');
  }
  if (!Number.isInteger(r.everyWorkingDays) || r.everyWorkingDays < 1 || r.everyWorkingDays > 30) {
    errors.push('ระยะห่างการเตือนต้องเป็น 1 ถึง 30 วันทำการ');
  }
  if (s.activity) {
    if (!isIsoDate(s.activity.date)) errors.push('วันที่จัดกิจกรรมไม่ถูกต้อง');
    if (s.activity.area.trim() === '') errors.push('กรุณาระบุพื้นที่จัดกิจกรรม');
  }
  if (s.questions.length === 0) errors.push('แบบสำรวจต้องมีคำถามอย่างน้อย 1 ข้อ');

  const seen = new Map<string, number>();
  s.questions.forEach((q, i) => {
    const at = `ข้อ ${i + 1}`;
    const add = (m: string) => errors.push(`${at}: ${m}`);
    if (!isSurveyId(q.id)) add('รหัสคำถามต้องเป็นอักษรอังกฤษ ตัวเลข - หรือ _ ไม่เกิน 40 ตัว');
    const dup = seen.get(q.id);
    if (dup !== undefined) add(`รหัสคำถาม "${q.id}" ซ้ำกับข้อ ${dup + 1}`);
    else seen.set(q.id, i);
    if (q.text.trim() === '') add('กรุณาพิมพ์คำถาม');
    if (q.text.length > 1000) add('คำถามยาวเกิน 1,000 ตัวอักษร');
    for (const m of questionErrors(q, s.anonymous)) add(m);
    if (q.showIf) for (const m of showIfErrors(q, i, s.questions)) add(m);
  });
  return errors;
}

function questionErrors(q: SurveyQuestion, anonymous: boolean): string[] {
  const out: string[] = [];
  const whole = (n: number | undefined) => n !== undefined && Number.isInteger(n);
  switch (q.type) {
    case 'singleChoice':
    case 'multipleChoice': {
      if (q.choices.length < 2) out.push('ต้องมีตัวเลือกอย่างน้อย 2 ตัวเลือก');
      if (q.choices.length > SURVEY_CHOICES_MAX) out.push(`มีตัวเลือกได้ไม่เกิน ${SURVEY_CHOICES_MAX} ตัวเลือก`);
      const ids = new Set<string>();
      q.choices.forEach((c, j) => {
        const at = `ตัวเลือกที่ ${j + 1}`;
        if (!isSurveyId(c.id)) out.push(`${at}: รหัสต้องเป็นอักษรอังกฤษ ตัวเลข - หรือ _ ไม่เกิน 40 ตัว`);
        if (ids.has(c.id)) out.push(`${at}: รหัส "${c.id}" ซ้ำ`);
        ids.add(c.id);
        if (c.label.trim() === '') out.push(`${at}: กรุณาพิมพ์ข้อความตัวเลือก`);
        if (c.label.length > 100) out.push(`${at}: ข้อความยาวเกิน 100 ตัวอักษร`);
      });
      if (q.type === 'multipleChoice' && q.maxPicks !== undefined) {
        if (!whole(q.maxPicks) || q.maxPicks < 1 || q.maxPicks > q.choices.length) {
          out.push(`จำนวนที่เลือกได้สูงสุดต้องอยู่ระหว่าง 1 ถึง ${q.choices.length}`);
        }
      }
      break;
    }
    case 'likert':
      if (q.labels.length !== 5) out.push('มาตราส่วนต้องมีคำอธิบายครบ 5 ระดับ');
      q.labels.forEach((l, j) => {
        if (l.trim() === '') out.push(`ระดับ ${j + 1}: กรุณาพิมพ์คำอธิบาย`);
        else if (graphemeLength(l) > LIKERT_LABEL_MAX) {
          out.push(`ระดับ ${j + 1}: คำอธิบายยาวเกิน ${LIKERT_LABEL_MAX} ตัวอักษร (ต้องพอดีปุ่มใน LINE)`);
        }
      });
      break;
    case 'number':
      if (!Number.isFinite(q.min) || !Number.isFinite(q.max)) out.push('ค่าต่ำสุดและสูงสุดต้องเป็นตัวเลข');
      else if (q.min >= q.max) out.push('ค่าต่ำสุดต้องน้อยกว่าค่าสูงสุด');
      if (q.decimals !== undefined && (!whole(q.decimals) || q.decimals < 0 || q.decimals > 4)) {
        out.push('จำนวนตำแหน่งทศนิยมต้องเป็น 0 ถึง 4');
      }
      break;
    case 'shortText':
    case 'longText': {
      const max = q.type === 'shortText' ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      if (!whole(q.maxLength) || q.maxLength < 1 || q.maxLength > max) {
        out.push(`ความยาวคำตอบสูงสุดต้องเป็น 1 ถึง ${max.toLocaleString('th-TH')} ตัวอักษร`);
      }
      break;
    }
    case 'photo':
      if (anonymous) out.push('แบบสำรวจไม่ระบุตัวตนมีคำถามรูปภาพไม่ได้ เพราะรูปอาจระบุตัวผู้ส่งได้');
      if (!whole(q.maxPhotos) || q.maxPhotos < 1 || q.maxPhotos > SURVEY_PHOTOS_MAX) {
        out.push(`จำนวนรูปสูงสุดต้องเป็น 1 ถึง ${SURVEY_PHOTOS_MAX} รูป`);
      }
      break;
    case 'competencies':
      if (!whole(q.maxPicks) || q.maxPicks < 1 || q.maxPicks > 10) {
        out.push('จำนวนสมรรถนะที่เลือกได้สูงสุดต้องเป็น 1 ถึง 10');
      }
      break;
  }
  return out;
}

/** A branch may depend only on an earlier choice question, and only on choices it has. */
function showIfErrors(q: SurveyQuestion, index: number, all: readonly SurveyQuestion[]): string[] {
  const c = q.showIf;
  if (!c) return [];
  const target = all.findIndex((x) => x.id === c.questionId);
  if (target < 0) return [`เงื่อนไขการแสดงอ้างถึงคำถาม "${c.questionId}" ที่ไม่มีอยู่`];
  if (target >= index) return [`เงื่อนไขการแสดงต้องอ้างถึงคำถามก่อนหน้า (ข้อ ${target + 1} อยู่หลังข้อนี้)`];
  const t = all[target] as SurveyQuestion;
  if (t.type !== 'singleChoice' && t.type !== 'multipleChoice') {
    return [`เงื่อนไขการแสดงต้องอ้างถึงคำถามแบบเลือกตอบ (ข้อ ${target + 1} ไม่ใช่)`];
  }
  if (c.anyOf.length === 0) return ['เงื่อนไขการแสดงต้องระบุตัวเลือกอย่างน้อย 1 ตัวเลือก'];
  const unknown = c.anyOf.filter((id) => !t.choices.some((ch) => ch.id === id));
  return unknown.length > 0 ? [`เงื่อนไขการแสดงอ้างถึงตัวเลือกที่ไม่มีในข้อ ${target + 1}: ${unknown.join(', ')}`] : [];
}
