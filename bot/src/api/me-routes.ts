import type { MeView } from '@phattana/shared';
import express, { type Router } from 'express';
import { staffRecords } from '../people/staff-record-repository';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';

// Who the LIFF app is talking to: name, roles and division from the staff record, and whether anyone
// reports to them (the home page shows "ทีมของฉัน" only then). The server still checks every team call.

export function createMeRoutes(d: ApiDeps): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    const person = personOf(req);
    const c = d.collections;
    const staff = staffRecords(c);
    const [emp, municipality, hasTeam] = await Promise.all([
      staff.byId(person.employeeId),
      c.municipality.get(),
      staff.hasReports(person.employeeId),
    ]);
    const divisionId = emp?.divisionId || null;
    const divisions = (municipality.get('divisions') as { id: string; name: string }[] | undefined) ?? [];
    const body: MeView = {
      employeeId: person.employeeId,
      name: emp?.name || person.name,
      roles: person.roles,
      position: emp?.position || null,
      divisionId,
      divisionName: divisions.find((x) => x.id === divisionId)?.name ?? null,
      hasTeam,
    };
    res.setHeader('cache-control', 'no-store');
    res.json(body);
  });
  return router;
}
