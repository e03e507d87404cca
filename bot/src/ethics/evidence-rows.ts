import {
  fiscalYearRange,
  type IdpPlan,
  type ReportEvidenceRow,
  type SurveyEvidenceRow,
  TEAMWORK_COMPETENCY_ID,
  type TeamworkGoalRow,
} from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';
import { type ReportSource, reportRecords } from '../reports/report-repository';

// The rows behind the survey, report and teamwork evidence packs, read for one fiscal year.

export async function readSurveyRows(
  surveys: CollectionReference,
  fiscalYear: number,
): Promise<SurveyEvidenceRow[]> {
  const snap = await surveys.where('fiscalYear', '==', fiscalYear).get();
  return Promise.all(
    snap.docs.map(async (d) => ({
      title: String(d.get('title') ?? d.id),
      kind: String(d.get('kind') ?? 'custom'),
      opensOn: String(d.get('opensOn')),
      closesOn: String(d.get('closesOn')),
      status: String(d.get('status')),
      // counted, never read: anonymous answers stay where they are
      responses: (await d.ref.collection('responses').count().get()).data().count,
    })),
  );
}

export async function readReportRows(c: ReportSource, fiscalYear: number): Promise<ReportEvidenceRow[]> {
  const { start, end } = fiscalYearRange(fiscalYear);
  const reports = await reportRecords(c).endingBetween(start, end, {
    fields: ['employeeName', 'trainingTitle', 'endDate', 'dueDate', 'status', 'firstSubmittedAt'],
  });
  return reports.map((r) => ({
    employeeName: r.employeeName,
    trainingTitle: r.trainingTitle,
    endDate: r.endDate,
    dueDate: r.dueDate,
    status: r.status,
    ...(r.firstSubmittedAt ? { firstSubmittedAt: r.firstSubmittedAt } : {}),
  }));
}

/** Every goal on teamwork in the year's development plans (standards 1.22). */
export async function readTeamworkGoals(
  idps: CollectionReference,
  fiscalYear: number,
): Promise<TeamworkGoalRow[]> {
  const snap = await idps
    .where('fiscalYear', '==', fiscalYear)
    .select('employeeName', 'status', 'goals')
    .get();
  return snap.docs.flatMap((d) => {
    const plan = d.data() as Pick<IdpPlan, 'employeeName' | 'status' | 'goals'>;
    return (plan.goals ?? [])
      .filter((g) => g.competencyId === TEAMWORK_COMPETENCY_ID)
      .map((g) => ({
        employeeName: plan.employeeName,
        goal: g.goal,
        methods: g.methods ?? [],
        currentLevel: g.currentLevel,
        targetLevel: g.targetLevel,
        progress: g.progress ?? 0,
        planStatus: plan.status,
      }));
  });
}
