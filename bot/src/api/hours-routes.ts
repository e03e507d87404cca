import express, { type Router } from 'express';
import { firestoreMyHours, type MyHoursSource, myHoursView } from '../hours/my-hours';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';

// The person's training hours for one fiscal year: totals by method and curriculum from the ledger
// entries, progress toward the municipality's targets, their post-training reports with status and due
// date (a pending one opens the same LIFF form the chat links to), and earlier years' totals. The view
// is hours/my-hours.ts's.

export const createHoursRoutes = (d: ApiDeps): Router => hoursRoutes(firestoreMyHours(d.collections), d);

/** The routes over any MyHoursSource (the unit tests give an in-memory one). */
export function hoursRoutes(source: MyHoursSource, d: Pick<ApiDeps, 'clock'>): Router {
  const router = express.Router();

  router.get('/mine', async (req, res) => {
    const person = personOf(req);
    const now = d.clock();
    const fy = fiscalYearParam(req, res, now);
    if (fy === undefined) return;
    const data = await source.read(person.employeeId, fy);
    res.setHeader('cache-control', 'no-store');
    res.json(myHoursView(data, person.employeeId, fy, now));
  });

  return router;
}
