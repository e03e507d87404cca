import {
  acceptedFiscalYears,
  dashboardResults,
  fiscalYearLabel,
  fiscalYearOfInstant,
  type TargetsData,
  type TargetYear,
  targetHistory,
  targetLabel,
} from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import { readQuizResult } from '../ethics/ethics-quiz-docs';
import type { MunicipalityCollections } from '../municipality-collections';
import { readDashboard } from '../stats/dashboard-data';
import { readFairness } from './fairness-figure';
import { changeTarget, readTargetChanges, readTargetYears } from './target-docs';

// The indicators' yearly targets as the routes (api/target-routes.ts) use them: the page of one year
// (rules, recorded results and that year's live figures, five years back) and HR's audited changes.
// The routes only translate HTTP and decide who may edit.

/** Years of history the page shows, the year asked for included. */
const HISTORY_YEARS = 5;

/** One change HR makes: a year's rule (null: back to the default) or result (null: removed). */
export type TargetEdit = Parameters<typeof changeTarget>[2];

/** What the target routes need; the routes' unit tests give an in-memory one. */
export interface TargetAdmin {
  /** the page of one year, all but whether the viewer may edit (a role: the route's) */
  page(fiscalYear: number, now: Date): Promise<Omit<TargetsData, 'canEdit'>>;
  change(edit: TargetEdit): Promise<void>;
}

export function firestoreTargetAdmin(db: Firestore, c: MunicipalityCollections): TargetAdmin {
  return {
    async page(fy, now) {
      const current = fiscalYearOfInstant(now);
      // a year not begun has nothing to count yet; its rules are still shown
      const [live, fairness, quiz] =
        fy <= current
          ? await Promise.all([
              readDashboard(db, c, fy, now).catch(() => undefined),
              readFairness(c.surveys, fy),
              readQuizResult(c.ethicsQuizzes, fy),
            ])
          : [undefined, null, null];
      const from = fy - HISTORY_YEARS + 1;
      // the year before the first shown too: that one is judged against it
      const span = Array.from({ length: HISTORY_YEARS + 1 }, (_, i) => from - 1 + i);
      const [stored, changes] = await Promise.all([
        readTargetYears(db, c.targets, span),
        readTargetChanges(c.targets, fy),
      ]);
      const liveResults = {
        ...(live ? dashboardResults(live) : {}),
        ...(fairness ? { fairness: fairness.percent } : {}),
        ...(quiz ? { ethicsQuiz: quiz.passShare } : {}),
      };
      const history = targetHistory(
        stored.filter((y): y is TargetYear => y !== undefined),
        { from, to: fy },
        live || fairness || quiz ? { fiscalYear: fy, results: liveResults } : undefined,
      );
      return {
        fiscalYear: fy,
        label: fiscalYearLabel(fy),
        currentYear: current,
        years: acceptedFiscalYears(now),
        indicators: history.map((h) => ({ id: h.id, label: targetLabel(h.id), points: h.points })),
        changes: [...changes].reverse(),
      };
    },
    change: (edit) => changeTarget(db, c.targets, edit),
  };
}
