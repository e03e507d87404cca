import { competency } from '../domain/competencies';
import { round1, round2 } from '../kpi/rounding';
import type { SurveyAnswers, SurveyDefinition, SurveyQuestion, SurveyResponse } from './survey';
import { visibleQuestions } from './survey-navigation';
import { ANONYMOUS_MIN_GROUP } from './survey-validation';

// What HR and executives see of a survey: answers aggregated per question, and who answered per
// division against how many were asked. In an anonymous survey a small division's figures are hidden
// (a group of two cannot be anonymous), and free-text answers come without any division label.
//
// Definitions, as the results page and the export state them:
// - a question's base (`answered`) is the responses that saw it (its `showIf` held) and did not skip it;
//   percentages of choices, Likert points and competencies are of that base (multiple choice: per choice,
//   so they may add up to more than 100);
// - ร้อยละความพึงพอใจ (satisfaction %) = mean Likert score ÷ 5 × 100, the formula Thai local-government
//   satisfaction reports use; `topTwoPercent` is the share answering 4 or 5 (มาก / มากที่สุด), shown beside it;
// - response rate = responses ÷ the audience counted when HR opened the survey.

export interface ChoiceCount {
  readonly id: string;
  readonly label: string;
  readonly count: number;
  /** of the question's `answered` */
  readonly percent: number;
}

interface ResultBase {
  readonly questionId: string;
  readonly text: string;
  /** responses that saw the question and answered it (skips not counted) */
  readonly answered: number;
  /** responses that saw the optional question and skipped it */
  readonly skipped: number;
}

export type QuestionResult =
  | (ResultBase & {
      readonly type: 'singleChoice' | 'multipleChoice';
      readonly choices: readonly ChoiceCount[];
    })
  | (ResultBase & {
      readonly type: 'likert';
      /** points 1–5 in order, with the question's labels */
      readonly distribution: readonly ChoiceCount[];
      readonly mean: number | null;
      /** mean ÷ 5 × 100 */
      readonly satisfactionPercent: number | null;
      /** share answering 4 or 5 */
      readonly topTwoPercent: number | null;
    })
  | (ResultBase & {
      readonly type: 'number';
      readonly mean: number | null;
      readonly min: number | null;
      readonly max: number | null;
      readonly unit?: string;
    })
  /** most picked first */
  | (ResultBase & { readonly type: 'competencies'; readonly picks: readonly ChoiceCount[] })
  | (ResultBase & {
      readonly type: 'shortText' | 'longText';
      /** anonymous surveys: sorted, without division; named ones: in response order, with division */
      readonly answers: readonly { readonly value: string; readonly divisionId?: string }[];
    })
  | (ResultBase & { readonly type: 'photo'; readonly photoCount: number });

export interface DivisionRate {
  readonly divisionId: string;
  readonly name: string;
  /** people asked, counted when the survey was opened */
  readonly audience: number;
  /** null when suppressed */
  readonly responses: number | null;
  /** responses ÷ audience × 100; null when suppressed or nobody was asked */
  readonly ratePercent: number | null;
  /** mean of every Likert answer of the division ÷ 5 × 100; null when suppressed or none */
  readonly satisfactionPercent: number | null;
  /** why the figures are hidden, in Thai */
  readonly suppressed?: string;
}

export interface SurveyResults {
  readonly responses: number;
  readonly audience: number;
  readonly ratePercent: number | null;
  /** overall satisfaction: the mean of every Likert answer ÷ 5 × 100 */
  readonly satisfactionPercent: number | null;
  readonly questions: readonly QuestionResult[];
  readonly divisions: readonly DivisionRate[];
  /** the smallest group whose figures are shown (anonymous surveys), for the page's note */
  readonly minGroupSize: number | null;
  /** the definitions above, in Thai, for the page and the export */
  readonly definitions: readonly string[];
  /**
   * why the per-question results and the satisfaction are not shown (an anonymous survey with fewer
   * responses than its minimum group: its "overall" figures would be those few people's answers); null
   * when they are shown
   */
  readonly withheld: string | null;
}

export interface ResultsInput {
  readonly survey: SurveyDefinition;
  readonly responses: readonly SurveyResponse[];
  /** people asked per division, counted at opening (`audienceByDivision` on the survey document) */
  readonly audienceByDivision?: Readonly<Record<string, number>>;
  /** division names by id (the municipality's list); an unknown id is shown as is */
  readonly divisionNames?: Readonly<Record<string, string>>;
}

export const RESULT_DEFINITIONS: readonly string[] = [
  'ร้อยละของแต่ละตัวเลือกคิดจากผู้ที่ตอบข้อนั้น (ไม่นับผู้ที่ข้าม) ข้อที่เลือกได้หลายคำตอบจึงรวมกันได้เกินร้อยละ 100',
  'ร้อยละความพึงพอใจ = ค่าเฉลี่ยคะแนน (1–5) ÷ 5 × 100 และแสดงร้อยละของผู้ที่ตอบระดับ 4–5 (มาก ถึง มากที่สุด) ประกอบ',
  'อัตราการตอบ = จำนวนผู้ตอบ ÷ จำนวนผู้ที่ได้รับแบบสำรวจ (นับเมื่อเปิดแบบสำรวจ)',
];

/** The Thai note shown in place of a small group's figures. */
export const smallGroupNote = (minGroupSize: number): string => `กลุ่มน้อยกว่า ${minGroupSize} คน`;

/** Shown instead of the second-smallest group's figures when only one group is hidden (see below). */
export const COMPLEMENT_NOTE = 'ไม่แสดง เพื่อไม่ให้คำนวณย้อนหาค่าของกลุ่มเล็กได้';

/**
 * The divisions whose figures an anonymous survey hides, with the Thai reason: those with fewer
 * responses than `minGroupSize`, and then, smallest first, as many shown ones as it takes for the hidden
 * groups together to be nobody or at least `minGroupSize` people. With the total shown, the hidden groups
 * can be found together by subtracting the shown ones: one person hidden alone (or beside groups nobody
 * answered in) would have their satisfaction score given away by the overall one. A single hidden group
 * always takes another with it, as before.
 */
export function hiddenDivisions(
  survey: Pick<SurveyDefinition, 'anonymous' | 'minGroupSize'>,
  responsesByDivision: ReadonlyMap<string, number>,
): ReadonlyMap<string, string> {
  const hidden = new Map<string, string>();
  if (!survey.anonymous) return hidden;
  const floor = anonymousMinGroup(survey);
  const entries = [...responsesByDivision.entries()];
  let hiddenTotal = 0;
  for (const [id, n] of entries)
    if (isSmallGroup(survey, n)) {
      hidden.set(id, smallGroupNote(floor));
      hiddenTotal += n;
    }
  const shown = entries
    .filter(([id]) => !hidden.has(id))
    .sort(([a, x], [b, y]) => x - y || a.localeCompare(b));
  for (const [id, n] of shown) {
    const revealing = hiddenTotal > 0 && hiddenTotal < floor;
    if (hidden.size !== 1 && !revealing) break;
    hidden.set(id, COMPLEMENT_NOTE);
    hiddenTotal += n;
  }
  return hidden;
}

/** Shown instead of an anonymous survey's results while it has fewer responses than its minimum group. */
export const tooFewResponsesNote = (minGroupSize: number): string =>
  `ยังไม่แสดงผลรายข้อ: แบบสำรวจไม่ระบุตัวตนต้องมีผู้ตอบอย่างน้อย ${minGroupSize} คน จึงจะแสดงผลได้โดยไม่ระบุตัวผู้ตอบ`;

/** Whether an anonymous survey has answers but too few to show any of them, even all together. */
export const tooFewToShow = (
  survey: Pick<SurveyDefinition, 'anonymous' | 'minGroupSize'>,
  responses: number,
): boolean => responses > 0 && isSmallGroup(survey, responses);

/** Whether a survey's division figures are hidden for a group of this many responses. */
export function isSmallGroup(
  survey: Pick<SurveyDefinition, 'anonymous' | 'minGroupSize'>,
  n: number,
): boolean {
  return survey.anonymous && n < anonymousMinGroup(survey);
}

/** An anonymous survey's minimum group, never below the floor whatever HR set. */
export const anonymousMinGroup = (survey: Pick<SurveyDefinition, 'minGroupSize'>): number =>
  Math.max(survey.minGroupSize, ANONYMOUS_MIN_GROUP);

const pct = (n: number, of: number): number | null => (of > 0 ? round1((n / of) * 100) : null);

export function surveyResults(input: ResultsInput): SurveyResults {
  const { survey, responses } = input;
  const shown = responses.map((r) => shownQuestionIds(survey, r.answers));
  const questions = survey.questions.map((q) =>
    questionResult(
      survey,
      q,
      responses.flatMap((r, i) => (shown[i]?.has(q.id) ? [r] : [])),
    ),
  );

  const shownOf = new Map(responses.map((r, i) => [r, shown[i] ?? new Set<string>()]));
  const likertOf = (rs: readonly SurveyResponse[]) => {
    const values = rs.flatMap((r) =>
      survey.questions.flatMap((q) => {
        const a = r.answers[q.id];
        return q.type === 'likert' && a?.type === 'likert' && shownOf.get(r)?.has(q.id) ? [a.value] : [];
      }),
    );
    return values.length > 0 ? round1((mean(values) / 5) * 100) : null;
  };

  const audienceBy = input.audienceByDivision ?? {};
  const byDivision = new Map<string, SurveyResponse[]>();
  for (const id of Object.keys(audienceBy)) byDivision.set(id, []);
  for (const r of responses) {
    const list = byDivision.get(r.divisionId) ?? [];
    list.push(r);
    byDivision.set(r.divisionId, list);
  }
  const names = input.divisionNames ?? {};
  const hidden = hiddenDivisions(
    survey,
    new Map([...byDivision.entries()].map(([id, rs]) => [id, rs.length])),
  );
  const divisions: DivisionRate[] = [...byDivision.entries()].map(([divisionId, rs]) => {
    const audience = audienceBy[divisionId] ?? 0;
    const base = { divisionId, name: names[divisionId] ?? divisionId, audience };
    const suppressed = hidden.get(divisionId);
    if (suppressed)
      return { ...base, responses: null, ratePercent: null, satisfactionPercent: null, suppressed };
    return {
      ...base,
      responses: rs.length,
      ratePercent: pct(rs.length, audience),
      satisfactionPercent: likertOf(rs),
    };
  });
  divisions.sort((a, b) => a.name.localeCompare(b.name, 'th') || a.divisionId.localeCompare(b.divisionId));

  const audience = Object.values(audienceBy).reduce((s, n) => s + n, 0);
  const withheld = tooFewToShow(survey, responses.length);
  return {
    responses: responses.length,
    audience,
    ratePercent: pct(responses.length, audience),
    satisfactionPercent: withheld ? null : likertOf(responses),
    questions: withheld ? [] : questions,
    divisions,
    minGroupSize: survey.anonymous ? anonymousMinGroup(survey) : null,
    definitions: RESULT_DEFINITIONS,
    withheld: withheld ? tooFewResponsesNote(anonymousMinGroup(survey)) : null,
  };
}

function questionResult(
  survey: SurveyDefinition,
  q: SurveyQuestion,
  saw: readonly SurveyResponse[],
): QuestionResult {
  const answers = saw.flatMap((r) => {
    const a = r.answers[q.id];
    return a ? [{ a, r }] : [];
  });
  const skipped = answers.filter((x) => x.a.type === 'skipped').length;
  const given = answers.filter((x) => x.a.type !== 'skipped');
  const base = { questionId: q.id, text: q.text, skipped };

  switch (q.type) {
    case 'singleChoice':
    case 'multipleChoice': {
      const picks = given.flatMap(({ a }) =>
        a.type === 'choice' ? [a.choiceId] : a.type === 'choices' ? [...new Set(a.choiceIds)] : [],
      );
      const answered = given.filter(({ a }) => a.type === 'choice' || a.type === 'choices').length;
      return {
        ...base,
        type: q.type,
        answered,
        choices: q.choices.map((c) => {
          const count = picks.filter((p) => p === c.id).length;
          return { id: c.id, label: c.label, count, percent: pct(count, answered) ?? 0 };
        }),
      };
    }
    case 'likert': {
      const values = given.flatMap(({ a }) => (a.type === 'likert' ? [a.value] : []));
      const m = values.length > 0 ? mean(values) : null;
      return {
        ...base,
        type: 'likert',
        answered: values.length,
        distribution: q.labels.map((label, i) => {
          const count = values.filter((v) => v === i + 1).length;
          return { id: String(i + 1), label, count, percent: pct(count, values.length) ?? 0 };
        }),
        mean: m === null ? null : round2(m),
        satisfactionPercent: m === null ? null : round1((m / 5) * 100),
        topTwoPercent: pct(values.filter((v) => v >= 4).length, values.length),
      };
    }
    case 'number': {
      const values = given.flatMap(({ a }) => (a.type === 'number' ? [a.value] : []));
      return {
        ...base,
        type: 'number',
        answered: values.length,
        mean: values.length > 0 ? round2(mean(values)) : null,
        min: values.length > 0 ? Math.min(...values) : null,
        max: values.length > 0 ? Math.max(...values) : null,
        ...(q.unit ? { unit: q.unit } : {}),
      };
    }
    case 'competencies': {
      const lists = given.flatMap(({ a }) =>
        a.type === 'competencies' ? [[...new Set(a.competencyIds)]] : [],
      );
      const counts = new Map<string, number>();
      for (const id of lists.flat()) counts.set(id, (counts.get(id) ?? 0) + 1);
      return {
        ...base,
        type: 'competencies',
        answered: lists.length,
        picks: [...counts.entries()]
          .map(([id, count]) => ({
            id,
            label: competency(id)?.name ?? id,
            count,
            percent: pct(count, lists.length) ?? 0,
          }))
          .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'th')),
      };
    }
    case 'shortText':
    case 'longText': {
      const texts = given.flatMap(({ a, r }) =>
        a.type === 'text' && a.value.trim() !== ''
          ? [{ value: a.value.trim(), divisionId: r.divisionId }]
          : [],
      );
      return {
        ...base,
        type: q.type,
        answered: texts.length,
        // anonymous: no division, and sorted so the order says nothing about who answered when
        answers: survey.anonymous
          ? texts.map((t) => ({ value: t.value })).sort((a, b) => a.value.localeCompare(b.value, 'th'))
          : texts,
      };
    }
    case 'photo': {
      const sets = given.flatMap(({ a }) => (a.type === 'photos' ? [a.photos.length] : []));
      return {
        ...base,
        type: 'photo',
        answered: sets.length,
        photoCount: sets.reduce((s, n) => s + n, 0),
      };
    }
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Questions the person was shown given their answers (the chat's branching). An answer stored for a
 * question that was not shown, e.g. after the person changed an earlier answer, counts nowhere.
 */
export function shownQuestionIds(survey: SurveyDefinition, answers: SurveyAnswers): ReadonlySet<string> {
  return new Set(visibleQuestions(survey.questions, answers).map((q) => q.id));
}
