import {
  addDays,
  fiscalYearOf,
  type IsoDate,
  inAudience,
  type SurveyAudience,
  type SurveyDefinition,
  surveyFromTemplate,
} from '@phattana/shared';
import type { DocumentReference } from 'firebase-admin/firestore';
import { demoEmployees } from './demo-municipality';

// Surveys for `npm start`, open today: the fiscal year's training-needs survey for everyone, an
// anonymous satisfaction poll, and a 5ส day for the finance division (กองคลัง, where E010 works). Press
// "⏰ งานเช้า 09:00" in the simulator and registered staff get their invitations.

/** Functional competencies (สมรรถนะประจำสายงาน) of the demo staff, by division: what HR would set. */
const FUNCTIONAL_BY_DIVISION: Readonly<Record<string, readonly string[]>> = {
  palad: ['analyticalThinking', 'communicationInfluencing', 'accuracy'],
  finance: ['accuracy', 'monitoring', 'analyticalThinking'],
  works: ['problemSolving', 'informationSeeking', 'proactiveness'],
  education: ['caringDevelopingOthers', 'interpersonalUnderstanding', 'communicationInfluencing'],
  health: ['proactiveness', 'problemSolving', 'interpersonalUnderstanding'],
};

export const demoSurveyIds = (today: IsoDate) => {
  const fy = fiscalYearOf(today);
  return {
    trainingNeeds: `training-needs-${fy}`,
    satisfaction: `satisfaction-${fy}`,
    fiveS: `five-s-${today}`,
    fairness: `fairness-${fy}`,
  };
};

export function demoSurveys(today: IsoDate): SurveyDefinition[] {
  const fiscalYear = fiscalYearOf(today);
  const ids = demoSurveyIds(today);
  const open = { status: 'open' as const };
  return [
    {
      ...surveyFromTemplate('trainingNeeds', {
        id: ids.trainingNeeds,
        fiscalYear,
        opensOn: addDays(today, -2),
        closesOn: addDays(today, 28),
      }),
      ...open,
    },
    {
      ...surveyFromTemplate('satisfaction', {
        id: ids.satisfaction,
        fiscalYear,
        opensOn: addDays(today, -1),
        closesOn: addDays(today, 14),
      }),
      ...open,
      anonymous: true,
    },
    // the ethics strategy's yearly survey, a draft HR opens from /hr/surveys (its result then feeds the
    // fairness target on /hr/targets); left closed here so the other demo invitations stay as they are
    surveyFromTemplate('fairness', {
      id: ids.fairness,
      fiscalYear,
      opensOn: today,
      closesOn: addDays(today, 21),
    }),
    {
      ...surveyFromTemplate('fiveS', {
        id: ids.fiveS,
        fiscalYear,
        opensOn: today,
        closesOn: addDays(today, 3),
        audience: { divisionIds: ['finance'] },
        activity: { date: today, area: 'สำนักงานกองคลัง' },
      }),
      ...open,
    },
  ];
}

/**
 * Active demo staff the audience names, per division: what opening a survey counts, so the dashboard's
 * response-rate and 5ส indicators have their denominator from the start.
 */
function demoAudience(audience: SurveyAudience): {
  audienceByDivision: Record<string, number>;
  audienceCount: number;
} {
  const audienceByDivision: Record<string, number> = {};
  let audienceCount = 0;
  for (const e of demoEmployees) {
    if (!e.active || !inAudience(audience, e)) continue;
    audienceByDivision[e.divisionId] = (audienceByDivision[e.divisionId] ?? 0) + 1;
    audienceCount += 1;
  }
  return { audienceByDivision, audienceCount };
}

/** Writes the demo surveys and the staff records' functional competencies. Fixed ids: safe on every start. */
export async function seedDemoSurveys(m: DocumentReference, today: IsoDate): Promise<{ surveys: number }> {
  const batch = m.firestore.batch();
  for (const e of demoEmployees) {
    batch.set(
      m.collection('employees').doc(e.id),
      { functionalCompetencyIds: [...(FUNCTIONAL_BY_DIVISION[e.divisionId] ?? [])] },
      { merge: true },
    );
  }
  const surveys = demoSurveys(today);
  for (const s of surveys) {
    batch.set(m.collection('surveys').doc(s.id), {
      ...JSON.parse(JSON.stringify(s)),
      ...demoAudience(s.audience),
      responseCount: 0,
      responsesByDivision: {},
    });
  }
  await batch.commit();
  return { surveys: surveys.length };
}
