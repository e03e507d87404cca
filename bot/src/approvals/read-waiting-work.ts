import { bangkokDate, type IdpPlan, type WaitingWork } from '@phattana/shared';
import type { CollectionReference, Firestore, Transaction } from 'firebase-admin/firestore';
import { type ReportSource, reportRecords } from '../reports/report-repository';
import { requestFromDoc } from '../requests/request-records';
import { readMyOpenSurveys, type SurveyCollections } from '../surveys/survey-turn-io';

// Everything waiting for one person, from stored data: reports whose current approver they are, IDPs
// sent to them, and their own open reports and surveys. The listings are plain queries, outside the
// turn's transaction (a listing must not lock other people's documents); the person's own survey
// drafts and completions through `tx`, as the survey list reads them. Oldest first for sign-offs,
// soonest due for their own.

export interface WaitingWorkCollections extends SurveyCollections, ReportSource {
  readonly idps: CollectionReference;
  readonly trainingRequests: CollectionReference;
}

export async function readWaitingWork(
  tx: Transaction,
  c: WaitingWorkCollections,
  employeeId: string,
  now: Date,
): Promise<WaitingWork> {
  const stored = reportRecords(c);
  const [toSign, requests, idps, mine, surveys] = await Promise.all([
    stored.waitingFor(employeeId),
    c.trainingRequests.where('currentApproverId', '==', employeeId).where('status', '==', 'submitted').get(),
    c.idps.where('supervisorId', '==', employeeId).where('status', '==', 'submitted').get(),
    stored.open({ employeeId }),
    readMyOpenSurveys(tx, employeeId, c, bangkokDate(now)),
  ]);
  const approvals = toSign
    .map((r) => ({
      reportId: r.id,
      employeeName: r.employeeName,
      trainingTitle: r.trainingTitle,
      // it reached this approver with the last step of its history (the submission or the previous sign)
      since: r.history[r.history.length - 1]?.at ?? r.submittedAt ?? now.toISOString(),
    }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.reportId.localeCompare(b.reportId));
  const waitingRequests = requests.docs
    .map(requestFromDoc)
    .map((r) => ({
      requestId: r.id,
      employeeName: r.employeeName,
      title: r.course.title,
      since: r.trail[r.trail.length - 1]?.at ?? now.toISOString(),
      step: String(r.trail.length),
    }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.requestId.localeCompare(b.requestId));
  const plans = idps.docs
    .map((d) => d.data() as IdpPlan)
    .map((p) => ({
      employeeId: p.employeeId,
      employeeName: p.employeeName,
      fiscalYear: p.fiscalYear,
      since: p.submittedAt ?? now.toISOString(),
    }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.employeeId.localeCompare(b.employeeId));
  const reports = mine
    .map((r) => ({ id: r.id, trainingTitle: r.trainingTitle, dueDate: r.dueDate }))
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  return {
    approvals,
    requests: waitingRequests,
    idps: plans,
    reports,
    surveys: surveys.map(({ id, title, closesOn }) => ({ id, title, closesOn })),
  };
}

/** The same, outside any turn (e.g. right after a LINE account was linked). */
export function readWaitingWorkNow(
  db: Firestore,
  c: WaitingWorkCollections,
  employeeId: string,
  now: Date,
): Promise<WaitingWork> {
  return db.runTransaction((tx) => readWaitingWork(tx, c, employeeId, now), { readOnly: true });
}
