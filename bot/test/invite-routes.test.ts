import type { RosterPerson } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { inviteRoutes } from '../src/api/invite-routes';
import type { InviteAdmin } from '../src/people/invite-roster';
import { createMemoryLogger } from '../src/runtime/logger';
import { serveRoutes } from './support/route-harness';

// HR's invite routes in process over an in-memory roster: no emulator. Issuing itself (the code, the
// revocation of the older one, the deployment-wide index) stays in test/integration.

const NOW = new Date('2026-12-16T02:00:00Z');

const person = (id: string, divisionId: string, linked = false): RosterPerson => ({
  id,
  code: id,
  name: `คุณ ${id}`,
  position: null,
  divisionId,
  linked,
  invite: null,
});

function memoryAdmin(people: RosterPerson[]) {
  const issuedTo: string[][] = [];
  const admin: InviteAdmin = {
    roster: async () => ({ people, divisions: [{ id: 'finance', name: 'กองคลัง' }] }),
    async issue(targets, o) {
      issuedTo.push(targets.map((t) => t.id));
      return targets.map((t) => ({
        ...t,
        invite: { code: `C-${t.id}`, expiresAt: '2026-12-30' },
        by: o.issuedBy,
      }));
    },
  };
  return { admin, issuedTo };
}

let mem: ReturnType<typeof memoryAdmin>;
const { logger, lines } = createMemoryLogger();

const api = serveRoutes({
  mount: '/manage/invites',
  person: () => ({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] }),
  router: () => inviteRoutes(mem.admin, { clock: () => NOW, logger }),
});
beforeEach(() => {
  mem = memoryAdmin([person('E010', 'finance'), person('E011', 'finance', true), person('E020', 'works')]);
});

const issue = (body: unknown, raw?: string) => api.call('', { method: 'POST', body, raw });

describe('invite routes over an in-memory roster', () => {
  it('lists the roster and issues for one person, a division (not-yet-linked only) and everyone unlinked', async () => {
    const roster = (await (await fetch(api.url())).json()) as { people: RosterPerson[] };
    expect(roster.people).toHaveLength(3);
    expect((await issue({ employeeId: 'E010' })).body.issued.map((p: RosterPerson) => p.id)).toEqual([
      'E010',
    ]);
    expect((await issue({ divisionId: 'finance' })).status).toBe(200);
    expect((await issue({ unlinked: true })).status).toBe(200);
    expect(mem.issuedTo).toEqual([['E010'], ['E010'], ['E010', 'E020']]);
    expect(lines.at(-1)).toMatchObject({
      msg: 'api.invites_issued',
      by: 'HR01',
      scope: 'unlinked',
      count: 2,
    });
  });

  it('answers in Thai and issues nothing for a scope it cannot use', async () => {
    const none = await issue({});
    expect(none).toEqual({
      status: 400,
      body: { message: 'กรุณาเลือกว่าจะออกรหัสให้ใคร: หนึ่งคน หนึ่งกอง หรือทุกคนที่ยังไม่เชื่อม LINE' },
    });
    expect((await issue({ employeeId: '../x' })).status).toBe(400);
    expect(await issue({ divisionId: 'nowhere' })).toEqual({
      status: 400,
      body: { message: 'ไม่พบกอง/สำนักนี้ในรายชื่อของเทศบาล' },
    });
    expect(await issue({ employeeId: 'E999' })).toEqual({
      status: 404,
      body: { message: 'ไม่พบพนักงานรหัส E999 ที่ยังปฏิบัติงานอยู่' },
    });
    expect(await issue({ employeeId: 'E011' })).toEqual({
      status: 409,
      body: { message: 'คุณ E011 เชื่อม LINE แล้ว ไม่ต้องใช้รหัสเชิญ' },
    });
    expect((await issue(undefined, '{"unlinked":')).body).toEqual({ message: 'รูปแบบข้อมูลไม่ถูกต้อง' });
    expect(mem.issuedTo).toEqual([]);
  });

  it('refuses more than 2000 codes in one request, asking for one division at a time', async () => {
    mem = memoryAdmin(Array.from({ length: 2001 }, (_, i) => person(`P${i}`, 'finance')));
    expect(await issue({ unlinked: true })).toEqual({
      status: 400,
      body: { message: 'ออกรหัสได้ครั้งละไม่เกิน 2000 คน กรุณาเลือกทีละกอง' },
    });
    expect(mem.issuedTo).toEqual([]);
  });
});
