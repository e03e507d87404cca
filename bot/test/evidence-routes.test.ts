import { BAD_FISCAL_YEAR, type EvidenceItemId, fiscalYearOfInstant, meetingsPack } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { evidenceRoutes } from '../src/api/evidence-routes';
import type { EvidenceAdmin } from '../src/ethics/evidence-admin';
import type { StoredMeeting } from '../src/ethics/policy-meeting-docs';
import { createMemoryLogger } from '../src/runtime/logger';
import { serveRoutes } from './support/route-harness';

// HR's evidence routes in process over an in-memory EvidenceAdmin (its packs the real meetingsPack over
// the meetings it holds): no emulator. The packs from stored reports, surveys, IDPs and the dashboard
// stay in test/integration/evidence-packs.test.ts.

const NOW = new Date('2026-12-16T02:00:00Z');
const FY = fiscalYearOfInstant(NOW);
const ID = 'AbCdEfGhIjKlMnOpQrSt';
const FORBIDDEN = 'หน้านี้สำหรับผู้มีสิทธิ์เฉพาะ (เช่น ฝ่ายบุคคลหรือหัวหน้างาน) บัญชีของท่านไม่มีสิทธิ์นี้';

function memoryAdmin() {
  const meetings: StoredMeeting[] = [];
  const asked: string[] = [];
  const admin: EvidenceAdmin = {
    meetings: async (fy) => meetings.filter((m) => m.fiscalYear === fy),
    async recordMeeting(meeting, by, now) {
      const id = ID.slice(0, 19) + String(meetings.length);
      meetings.push({ ...meeting, id, recordedBy: by.name, recordedAt: now.toISOString() });
      return id;
    },
    async deleteMeeting(id) {
      asked.push(`delete ${id}`);
      const i = meetings.findIndex((m) => m.id === id);
      if (i < 0) return false;
      meetings.splice(i, 1);
      return true;
    },
    async pack(item: EvidenceItemId, fy) {
      asked.push(`pack ${item} ${fy}`);
      return meetingsPack(
        fy,
        meetings.filter((m) => m.fiscalYear === fy),
      );
    },
  };
  return { admin, meetings, asked };
}

let mem: ReturnType<typeof memoryAdmin>;
let roles: string[] = ['staff', 'hr'];
const { logger, lines } = createMemoryLogger();

const api = serveRoutes({
  mount: '/manage/evidence',
  person: () => ({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles }),
  router: () => evidenceRoutes(mem.admin, { clock: () => NOW, logger }),
});
beforeEach(() => {
  mem = memoryAdmin();
  roles = ['staff', 'hr'];
});

const call = api.call;
const meeting = { date: '2026-12-01', agenda: 'ประชุมประจำเดือนธันวาคม', attendance: 42 };

describe('evidence routes over an in-memory EvidenceAdmin', () => {
  it('records a meeting with who recorded it, lists it, packs it, and deletes it', async () => {
    const recorded = await call('/meetings', { method: 'POST', body: meeting });
    expect(recorded.status).toBe(200);
    expect(mem.meetings).toEqual([
      {
        ...meeting,
        fiscalYear: FY,
        id: recorded.body.id,
        recordedBy: 'นางสาวบุคคล ดูแลดี',
        recordedAt: NOW.toISOString(),
      },
    ]);
    expect(lines.at(-1)).toMatchObject({
      msg: 'api.policy_meeting_recorded',
      by: 'HR01',
      date: '2026-12-01',
    });

    const list = await call(`/meetings?fy=${FY}`);
    expect(list.body).toMatchObject({ fiscalYear: FY, target: 12 });
    expect(list.body.meetings.map((m: StoredMeeting) => m.agenda)).toEqual([meeting.agenda]);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain('1.13');

    const pack = await call(`/1.13?fy=${FY}`);
    expect(pack.status).toBe(200);
    expect(pack.body.rows).toHaveLength(1);
    const book = await fetch(api.url(`/lpa-27.xlsx?fy=${FY}`));
    expect(book.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(book.headers.get('content-disposition')).toBe(`attachment; filename="evidence-lpa-27-${FY}.xlsx"`);
    // a workbook is a zip
    expect(new Uint8Array(await book.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect(mem.asked).toEqual([`pack 1.13 ${FY}`, `pack lpa-27 ${FY}`]);

    expect(await call(`/meetings/${recorded.body.id}`, { method: 'DELETE' })).toEqual({
      status: 200,
      body: { deleted: true },
    });
    expect(mem.meetings).toEqual([]);
    expect(lines.at(-1)).toMatchObject({ msg: 'api.policy_meeting_deleted', id: recorded.body.id });
  });

  it('answers bad input in Thai and changes nothing', async () => {
    const bad = await call('/meetings', {
      method: 'POST',
      body: { date: '2027-01-01', agenda: 'x', attendance: 0 },
    });
    expect(bad).toEqual({
      status: 400,
      body: {
        message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้',
        errors: {
          date: 'วันที่ประชุมต้องไม่เป็นวันในอนาคต',
          agenda: 'กรุณาพิมพ์วาระการประชุม',
          attendance: 'จำนวนผู้เข้าประชุมต้องเป็นจำนวนเต็มตั้งแต่ 1 คน',
        },
      },
    });
    expect((await call('/meetings', { method: 'POST', raw: '{"date":' })).body).toEqual({
      message: 'รูปแบบข้อมูลไม่ถูกต้อง',
    });
    expect(await call(`/meetings?fy=1999`)).toEqual({ status: 400, body: { message: BAD_FISCAL_YEAR } });
    expect(await call(`/1.22?fy=abc`)).toEqual({ status: 400, body: { message: BAD_FISCAL_YEAR } });
    const gone = { status: 404, body: { message: 'ไม่พบการประชุมนี้' } };
    expect(await call(`/meetings/${ID}`, { method: 'DELETE' })).toEqual(gone);
    // a malformed id never reaches the store
    expect(await call('/meetings/..%2Fx', { method: 'DELETE' })).toEqual(gone);
    expect(mem.asked).toEqual([`delete ${ID}`]);
    expect(mem.meetings).toEqual([]);
  });

  it('is HR only: an executive or a supervisor is refused in Thai before anything is read', async () => {
    for (const r of [['staff'], ['staff', 'supervisor'], ['executive']]) {
      roles = r;
      expect(await call(`/meetings?fy=${FY}`)).toEqual({ status: 403, body: { message: FORBIDDEN } });
      expect(await call('/meetings', { method: 'POST', body: meeting })).toEqual({
        status: 403,
        body: { message: FORBIDDEN },
      });
      expect(await call(`/ita-038?fy=${FY}`)).toEqual({ status: 403, body: { message: FORBIDDEN } });
    }
    expect(mem.asked).toEqual([]);
    expect(mem.meetings).toEqual([]);
  });
});
