import type { MeView } from '@phattana/shared';
import express, { type Router } from 'express';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';

// Who the LIFF app is talking to: name, roles and division from the staff record, and whether anyone
// reports to them (the home page shows "ทีมของฉัน" only then). The server still checks every team call.

export function createMeRoutes(d: ApiDeps): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    const person = personOf(req);
    const c = d.collections;
    const [emp, municipality, below] = await Promise.all([
      c.employees.doc(person.employeeId).get(),
      c.municipality.get(),
      c.employees.where('supervisorId', '==', person.employeeId).limit(1).get(),
    ]);
    const divisionId = typeof emp.get('divisionId') === 'string' ? (emp.get('divisionId') as string) : null;
    const divisions = (municipality.get('divisions') as { id: string; name: string }[] | undefined) ?? [];
    const body: MeView = {
      employeeId: person.employeeId,
      name: String(emp.get('name') ?? person.name),
      roles: person.roles,
      position: typeof emp.get('position') === 'string' ? (emp.get('position') as string) : null,
      divisionId,
      divisionName: divisions.find((x) => x.id === divisionId)?.name ?? null,
      hasTeam: !below.empty,
    };
    res.setHeader('cache-control', 'no-store');
    res.json(body);
  });
  return router;
}
