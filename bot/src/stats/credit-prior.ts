import { type CreditPrior, type Effect, ETHICS_CURRICULUM, totalsIdFor } from '@phattana/shared';
import type { CollectionReference, DocumentReference, Transaction } from 'firebase-admin/firestore';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';

// What a credit must read before the transaction writes anything (Firestore wants every read first):
// the person's fiscal-year totals so far, their division and job line, and the yearly hours target.
// From these the credit knows whether it makes the person "developed", their first e-Learning course,
// or their hours cross the target.

export interface CreditPriorCollections extends StaffSource {
  readonly municipality: DocumentReference;
  readonly hoursTotals: CollectionReference;
}

export async function readCreditPrior(
  tx: Transaction,
  c: CreditPriorCollections,
  employeeId: string,
  fiscalYear: number,
): Promise<CreditPrior> {
  const [totals, employee, municipality] = await Promise.all([
    tx.get(c.hoursTotals.doc(totalsIdFor(employeeId, fiscalYear))),
    staffRecords(c).byId(employeeId, { tx, fields: ['divisionId', 'jobLine', 'staffType'] }),
    tx.get(c.municipality),
  ]);
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    hoursTarget: num(municipality.get('yearlyHoursTarget')),
    ...(totals.exists
      ? {
          totals: {
            trainings: num(totals.get('trainings')),
            hours: num(totals.get('hours')),
            eLearningCourses: num(totals.get('eLearningCourses')),
            ethicsHours: num(totals.get(`byCurriculum.${ETHICS_CURRICULUM}`)),
          },
        }
      : {}),
    ...(employee
      ? {
          person: {
            ...(employee.divisionId ? { divisionId: employee.divisionId } : {}),
            ...(employee.jobLine ? { jobLine: employee.jobLine } : {}),
            ...(employee.staffType ? { staffType: employee.staffType } : {}),
          },
        }
      : {}),
  };
}

/** The priors of a turn's `hoursCredited` effects, by ledger entry id. */
export async function readCreditPriors(
  tx: Transaction,
  effects: readonly Effect[],
  c: CreditPriorCollections,
): Promise<Map<string, CreditPrior>> {
  const priors = new Map<string, CreditPrior>();
  // two credits for one person in one turn: the second sees the first
  const running = new Map<string, CreditPrior>();
  for (const e of effects) {
    if (e.type !== 'hoursCredited') continue;
    const key = totalsIdFor(e.entry.employeeId, e.entry.fiscalYear);
    const prior = running.get(key) ?? (await readCreditPrior(tx, c, e.entry.employeeId, e.entry.fiscalYear));
    priors.set(e.entry.id, prior);
    const t = prior.totals ?? { trainings: 0, hours: 0, eLearningCourses: 0 };
    running.set(key, {
      ...prior,
      totals: {
        trainings: t.trainings + 1,
        hours: t.hours + e.entry.hours,
        eLearningCourses: t.eLearningCourses + (e.entry.method === 'eLearning' ? 1 : 0),
        ethicsHours: (t.ethicsHours ?? 0) + (e.entry.curriculum === ETHICS_CURRICULUM ? e.entry.hours : 0),
      },
    });
  }
  return priors;
}
