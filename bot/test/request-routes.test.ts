import type { RequestView } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { BAD_CURSOR, encodeCursor } from '../src/api/page-cursor';
import { requestRoutes } from '../src/api/request-routes';
import type { RequestAdmin, RequestAnswer } from '../src/requests/request-admin';
import { serveRoutes } from './support/route-harness';

// The request page's routes in process over an in-memory RequestAdmin: no emulator. The request
// service's decisions, the transaction and the pushes stay in test/integration (training-request-api,
// training-request-walk, request-pages).

const NOW = new Date('2026-12-16T02:00:00Z');
const FORBIDDEN = 'หน้านี้สำหรับผู้มีสิทธิ์เฉพาะ (เช่น ฝ่ายบุคคลหรือหัวหน้างาน) บัญชีของท่านไม่มีสิทธิ์นี้';
const NOT_FOUND = 'ไม่พบคำขอนี้ อาจถูกลบหรือย้ายแล้ว';
const VIEW = { request: { id: 'REQ-1' }, trail: [], step: 'submitted' } as unknown as RequestView;

let calls: unknown[][] = [];
let next: RequestAnswer = { kind: 'done', view: VIEW };
const admin: RequestAdmin = {
  async page(employeeId, approvedLimit) {
    calls.push(['page', employeeId, approvedLimit]);
    return {
      page: { mine: [], catalogue: [], goals: [], waiting: [], advanceClearingDays: 30 },
      ...(approvedLimit === undefined ? {} : { approvedNext: ['2026-12-01', 'REQ-9'] as const }),
    };
  },
  async approved(limit, after) {
    calls.push(['approved', limit, after]);
    return { approved: [VIEW], next: null };
  },
  async send(person, input) {
    calls.push(['send', person.employeeId, input]);
    return next;
  },
  async decide(o) {
    calls.push(['decide', o]);
    return next;
  },
  async record(o) {
    calls.push(['record', o]);
    return next;
  },
};

let roles: string[] = ['staff'];

const api = serveRoutes({
  mount: '/requests',
  person: () => ({ employeeId: 'E010', name: 'คุณ E010', roles }),
  router: () => requestRoutes(admin, { clock: () => NOW }),
});
beforeEach(() => {
  calls = [];
  roles = ['staff'];
  next = { kind: 'done', view: VIEW };
});

const call = api.call;
const post = (path: string, body: unknown) => call(path, { method: 'POST', body });
const put = (path: string, body: unknown) => call(path, { method: 'PUT', body });
const by = { id: 'E010', name: 'คุณ E010' };

describe('request routes over an in-memory RequestAdmin', () => {
  it('shows the page; HR’s has the first page of approved requests and the cursor after it', async () => {
    const staff = await call('');
    expect(staff.body).toEqual({ mine: [], catalogue: [], goals: [], waiting: [], advanceClearingDays: 30 });
    roles = ['staff', 'hr'];
    const hr = await call('?limit=20');
    expect(hr.body.approvedNextCursor).toBe(encodeCursor(['2026-12-01', 'REQ-9']));
    const more = await call(`/approved?cursor=${encodeURIComponent(hr.body.approvedNextCursor)}`);
    expect(more.body).toEqual({ approved: [VIEW], nextCursor: null });
    expect(calls).toEqual([
      ['page', 'E010', undefined],
      ['page', 'E010', 20],
      ['approved', 50, ['2026-12-01', 'REQ-9']],
    ]);
  });

  it('keeps HR’s approved list and records to HR, and decisions to approvers, in Thai', async () => {
    expect(await call('/approved')).toEqual({ status: 403, body: { message: FORBIDDEN } });
    expect(await post('/REQ-1/decision', { decision: 'approve', step: 's1' })).toEqual({
      status: 403,
      body: { message: FORBIDDEN },
    });
    roles = ['staff', 'supervisor'];
    expect(await put('/REQ-1/travel-order', { number: '12/2569', date: '2026-12-01' })).toEqual({
      status: 403,
      body: { message: FORBIDDEN },
    });
    expect(await post('/REQ-1/advance-cleared', {})).toEqual({ status: 403, body: { message: FORBIDDEN } });
    expect(calls).toEqual([]);
  });

  it('sends a request (201), and answers the service’s refusals in Thai', async () => {
    expect(await post('', { trainingId: 'T1' })).toEqual({ status: 201, body: VIEW });
    expect(calls).toEqual([['send', 'E010', { trainingId: 'T1' }]]);
    expect(await post('', ['x'])).toEqual({ status: 400, body: { message: 'ไม่พบข้อมูลคำขอที่จะส่ง' } });
    next = { kind: 'invalid', message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: { title: 'กรุณาพิมพ์ชื่อการอบรม' } };
    expect(await post('', {})).toEqual({
      status: 400,
      body: { message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: { title: 'กรุณาพิมพ์ชื่อการอบรม' } },
    });
    next = { kind: 'refused', status: 409, message: 'คำขอนี้มีผู้พิจารณาแล้ว' };
    expect(await post('', {})).toEqual({ status: 409, body: { message: 'คำขอนี้มีผู้พิจารณาแล้ว' } });
    next = { kind: 'notFound' };
    expect(await post('', {})).toEqual({ status: 404, body: { message: NOT_FOUND } });
  });

  it('decides with a reason when returning or refusing; a bad id or decision never reaches the service', async () => {
    roles = ['staff', 'supervisor'];
    expect(await post('/REQ-1/decision', { decision: 'approve', step: 's1' })).toEqual({
      status: 200,
      body: VIEW,
    });
    expect(
      await post('/REQ-1/decision', { decision: 'return', step: 's1', comment: '  แก้วันที่อบรม  ' }),
    ).toEqual({
      status: 200,
      body: VIEW,
    });
    expect(await post('/REQ-1/decision', { decision: 'maybe', step: 's1' })).toEqual({
      status: 400,
      body: { message: 'กรุณาเลือกอนุมัติ ส่งกลับแก้ไข หรือไม่อนุมัติ' },
    });
    expect(await post('/REQ-1/decision', { decision: 'return', step: 's1', comment: 'แก้' })).toEqual({
      status: 400,
      body: { message: 'กรุณาพิมพ์สิ่งที่ต้องการให้แก้ไข (5–500 ตัวอักษร)' },
    });
    expect(await post('/REQ-1/decision', { decision: 'refuse', step: 's1' })).toEqual({
      status: 400,
      body: { message: 'กรุณาพิมพ์เหตุผลที่ไม่อนุมัติ (5–500 ตัวอักษร)' },
    });
    expect(await post('/a%20b/decision', { decision: 'approve', step: 's1' })).toEqual({
      status: 404,
      body: { message: NOT_FOUND },
    });
    expect(calls).toEqual([
      ['decide', { id: 'REQ-1', by, decision: 'approve', comment: '', step: 's1' }],
      ['decide', { id: 'REQ-1', by, decision: 'return', comment: 'แก้วันที่อบรม', step: 's1' }],
    ]);
  });

  it('lets HR record the travel order, the advance and its clearing, each checked in Thai', async () => {
    roles = ['staff', 'hr'];
    expect((await put('/REQ-1/travel-order', { number: ' 12/2569 ', date: '2026-12-01' })).status).toBe(200);
    expect((await put('/REQ-1/advance', { amount: '3,500' })).status).toBe(200);
    expect((await post('/REQ-1/advance-cleared', {})).status).toBe(200);
    expect(await put('/REQ-1/travel-order', { number: '', date: '2026-12-01' })).toEqual({
      status: 400,
      body: { message: 'กรุณาระบุเลขที่คำสั่งไปราชการ (ไม่เกิน 50 ตัวอักษร)' },
    });
    expect(await put('/REQ-1/travel-order', { number: '12/2569', date: '1/12/69' })).toEqual({
      status: 400,
      body: { message: 'กรุณาเลือกวันที่ของคำสั่งจากปฏิทิน' },
    });
    expect(await put('/REQ-1/advance', { amount: 0 })).toEqual({
      status: 400,
      body: { message: 'จำนวนเงินยืมต้องเป็นตัวเลขมากกว่า 0 (บาท) เช่น 3500' },
    });
    expect(await call('/approved?cursor=nonsense')).toEqual({
      status: 400,
      body: { message: BAD_CURSOR, errors: { cursor: BAD_CURSOR } },
    });
    expect(calls).toEqual([
      [
        'record',
        {
          id: 'REQ-1',
          by,
          record: { kind: 'travelOrder', order: { number: '12/2569', date: '2026-12-01' } },
        },
      ],
      ['record', { id: 'REQ-1', by, record: { kind: 'advance', amount: 3500 } }],
      ['record', { id: 'REQ-1', by, record: { kind: 'advanceCleared' } }],
    ]);
  });
});
