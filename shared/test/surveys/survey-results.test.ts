import { describe, expect, it } from 'vitest';
import { COMPLEMENT_NOTE, surveyResults, tooFewResponsesNote } from '../../src/surveys/survey-results';
import { choice, choices, likert, response, SURVEY } from './survey-fixture';

const RESPONSES = [
  response('finance', {
    attended: choice('yes'),
    overall: likert(5),
    topics: choices('law', 'it'),
    hours: { type: 'number', value: 10 },
    skills: { type: 'competencies', competencyIds: ['teamwork', 'achievement'] },
    comment: { type: 'text', value: 'อยากได้อบรมออนไลน์' },
  }),
  response('finance', {
    attended: choice('yes'),
    overall: likert(4),
    topics: { type: 'skipped' },
    hours: { type: 'number', value: 20 },
    skills: { type: 'competencies', competencyIds: ['teamwork'] },
  }),
  // answered the Likert question, then changed "attended" to no: the stale answer was never shown
  response('finance', {
    attended: choice('no'),
    overall: likert(1),
    topics: choices('law'),
    comment: { type: 'text', value: '   ' },
  }),
  response('works', {
    attended: choice('yes'),
    overall: likert(3),
    topics: choices('service'),
    hours: { type: 'number', value: 30 },
  }),
  response('works', { attended: choice('yes'), overall: likert(2) }),
  response('works', { attended: choice('yes'), overall: likert(5) }),
  response('works', { attended: choice('no') }),
  response('health', {
    attended: choice('yes'),
    overall: likert(4),
    comment: { type: 'text', value: 'ขอบคุณครับ' },
  }),
];

const AUDIENCE = { finance: 5, works: 6, health: 2 };
const NAMES = { finance: 'กองคลัง', works: 'กองช่าง', health: 'กองสาธารณสุขและสิ่งแวดล้อม' };

const byId = (r: ReturnType<typeof surveyResults>, id: string) => {
  const q = r.questions.find((x) => x.questionId === id);
  if (!q) throw new Error(`no result for ${id}`);
  return q;
};

describe('survey results', () => {
  const r = surveyResults({
    survey: SURVEY,
    responses: RESPONSES,
    audienceByDivision: AUDIENCE,
    divisionNames: NAMES,
  });

  it('counts choices as a share of those who answered the question', () => {
    expect(byId(r, 'attended')).toMatchObject({
      answered: 8,
      skipped: 0,
      choices: [
        { id: 'yes', label: 'เคย', count: 6, percent: 75 },
        { id: 'no', label: 'ไม่เคย', count: 2, percent: 25 },
      ],
    });
    // multiple choice: per choice, skips not in the base, so the shares add up to more than 100
    expect(byId(r, 'topics')).toMatchObject({
      answered: 3,
      skipped: 1,
      choices: [
        { id: 'law', count: 2, percent: 66.7 },
        { id: 'it', count: 1, percent: 33.3 },
        { id: 'service', count: 1, percent: 33.3 },
      ],
    });
  });

  it('gives the Likert distribution, mean, mean/5×100 and the share answering 4–5, from shown answers only', () => {
    const q = byId(r, 'overall');
    if (q.type !== 'likert') throw new Error('not likert');
    expect(q.answered).toBe(6); // the stale "1" of someone who never saw the question is left out
    expect(q.distribution.map((d) => [d.label, d.count])).toEqual([
      ['น้อยที่สุด', 0],
      ['น้อย', 1],
      ['ปานกลาง', 1],
      ['มาก', 2],
      ['มากที่สุด', 2],
    ]);
    expect(q.mean).toBe(3.83); // (5+4+3+2+5+4)/6
    expect(q.satisfactionPercent).toBe(76.7);
    expect(q.topTwoPercent).toBe(66.7);
    expect(r.satisfactionPercent).toBe(76.7);
  });

  it('summarises numbers and competency picks, and lists texts without divisions in an anonymous survey', () => {
    expect(byId(r, 'hours')).toMatchObject({ answered: 3, mean: 20, min: 10, max: 30, unit: 'ชั่วโมง' });
    expect(byId(r, 'skills')).toMatchObject({
      answered: 2,
      picks: [
        { id: 'teamwork', label: 'การทำงานเป็นทีม', count: 2, percent: 100 },
        { id: 'achievement', label: 'การมุ่งผลสัมฤทธิ์', count: 1, percent: 50 },
      ],
    });
    const comment = byId(r, 'comment');
    if (comment.type !== 'longText') throw new Error('not text');
    expect(comment.answers).toEqual([{ value: 'ขอบคุณครับ' }, { value: 'อยากได้อบรมออนไลน์' }]);
  });

  it('gives the response rate overall and per division, hiding small groups and the one that would give them away', () => {
    expect(r).toMatchObject({ responses: 8, audience: 13, ratePercent: 61.5, minGroupSize: 3 });
    expect(r.divisions).toEqual([
      // sorted by Thai name: กองคลัง, กองช่าง, กองสาธารณสุข…
      {
        divisionId: 'finance',
        name: 'กองคลัง',
        audience: 5,
        responses: null,
        ratePercent: null,
        satisfactionPercent: null,
        suppressed: COMPLEMENT_NOTE,
      },
      {
        divisionId: 'works',
        name: 'กองช่าง',
        audience: 6,
        responses: 4,
        ratePercent: 66.7,
        satisfactionPercent: 66.7,
      },
      {
        divisionId: 'health',
        name: 'กองสาธารณสุขและสิ่งแวดล้อม',
        audience: 2,
        responses: null,
        ratePercent: null,
        satisfactionPercent: null,
        suppressed: 'กลุ่มน้อยกว่า 3 คน',
      },
    ]);
  });

  it('hides only the small groups when two or more are small, and a division nobody answered in counts as small', () => {
    const res = surveyResults({
      survey: SURVEY,
      responses: RESPONSES.filter((x) => x.divisionId !== 'health'),
      audienceByDivision: { ...AUDIENCE, education: 4 },
    });
    expect(res.divisions.map((d) => [d.divisionId, d.responses, d.suppressed ?? null])).toEqual([
      ['education', null, 'กลุ่มน้อยกว่า 3 คน'],
      ['finance', 3, null],
      ['health', null, 'กลุ่มน้อยกว่า 3 คน'],
      ['works', 4, null],
    ]);
    expect(res.audience).toBe(17);
  });

  it('never leaves one person hidden beside groups nobody answered in, where subtraction would find them', () => {
    // health's one answer and education's none: hidden together they are one person, whose satisfaction
    // would be (overall × 6 Likert answers) − finance's − works' if both of those were shown
    const res = surveyResults({
      survey: SURVEY,
      responses: RESPONSES,
      audienceByDivision: { ...AUDIENCE, education: 4 },
    });
    expect(res.divisions.map((d) => [d.divisionId, d.responses, d.suppressed ?? null])).toEqual([
      ['education', null, 'กลุ่มน้อยกว่า 3 คน'],
      ['finance', null, COMPLEMENT_NOTE],
      ['health', null, 'กลุ่มน้อยกว่า 3 คน'],
      ['works', 4, null],
    ]);
    const shownResponses = res.divisions.reduce((n, d) => n + (d.responses ?? 0), 0);
    expect(res.responses - shownResponses).toBeGreaterThanOrEqual(3);
  });

  it('withholds every answer of an anonymous survey with fewer responses than its minimum group', () => {
    const few = RESPONSES.filter((x) => x.divisionId === 'works').slice(0, 2);
    const res = surveyResults({ survey: SURVEY, responses: few, audienceByDivision: AUDIENCE });
    expect(res).toMatchObject({
      responses: 2,
      ratePercent: 15.4,
      satisfactionPercent: null,
      questions: [],
      withheld: tooFewResponsesNote(3),
    });
    expect(res.divisions.every((d) => d.responses === null && d.suppressed)).toBe(true);
    // a named survey shows the same two answers
    const named = surveyResults({ survey: { ...SURVEY, anonymous: false }, responses: few });
    expect(named.withheld).toBeNull();
    expect(byId(named, 'overall')).toMatchObject({ answered: 2, mean: 2.5 });
  });

  it('shows every division and labels texts with divisions in a named survey', () => {
    const named = surveyResults({
      survey: { ...SURVEY, anonymous: false },
      responses: RESPONSES,
      audienceByDivision: AUDIENCE,
      divisionNames: NAMES,
    });
    expect(named.minGroupSize).toBeNull();
    expect(named.divisions.map((d) => [d.divisionId, d.responses, d.ratePercent])).toEqual([
      ['finance', 3, 60],
      ['works', 4, 66.7],
      ['health', 1, 50],
    ]);
    const comment = byId(named, 'comment');
    if (comment.type !== 'longText') throw new Error('not text');
    expect(comment.answers).toEqual([
      { value: 'อยากได้อบรมออนไลน์', divisionId: 'finance' },
      { value: 'ขอบคุณครับ', divisionId: 'health' },
    ]);
  });

  it('has no rates or means before anyone answers', () => {
    const empty = surveyResults({ survey: SURVEY, responses: [] });
    expect(empty).toMatchObject({
      responses: 0,
      audience: 0,
      ratePercent: null,
      satisfactionPercent: null,
      divisions: [],
    });
    expect(byId(empty, 'overall')).toMatchObject({ answered: 0, mean: null, satisfactionPercent: null });
    expect(byId(empty, 'hours')).toMatchObject({ mean: null, min: null, max: null });
  });
});
