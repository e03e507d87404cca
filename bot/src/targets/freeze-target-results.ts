import { dashboardResults, fiscalYearOfInstant } from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { readQuizResult } from '../ethics/ethics-quiz-docs';
import { type DashboardCollections, readDashboard } from '../stats/dashboard-data';
import { readFairness } from './fairness-figure';
import { freezeResults, readTargetYears } from './target-docs';

// Each year's indicator results are kept on its targets document (`targets/fy<fy>`, source 'system')
// so next year is judged against them even after the records move on. The daily job freezes them, for
// this fiscal year and the one before (whose last days may have changed since): the dashboard and the
// targets page only read. A result HR recorded by hand is never overwritten.

export async function freezeTargetResults(
  db: Firestore,
  c: DashboardCollections & { readonly ethicsQuizzes: CollectionReference },
  now: Date,
): Promise<{ fiscalYears: number[] }> {
  const current = fiscalYearOfInstant(now);
  const years = [current - 1, current];
  const stored = await readTargetYears(db, c.targets, years);
  for (const [i, fy] of years.entries()) {
    const [dashboard, fairness, quiz] = await Promise.all([
      readDashboard(db, c, fy, now),
      readFairness(c.surveys, fy),
      readQuizResult(c.ethicsQuizzes, fy),
    ]);
    await freezeResults(c.targets, fy, stored[i], {
      ...dashboardResults(dashboard),
      ...(fairness ? { fairness: fairness.percent } : {}),
      ...(quiz ? { ethicsQuiz: quiz.passShare } : {}),
    });
  }
  return { fiscalYears: years };
}
