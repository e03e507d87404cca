import { QUESTION_IMPORT_HEADERS } from '@phattana/shared';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { bangkokMorning } from '../support/report-people';
import { useSystem } from '../support/system';

// The ethics question bank from an XLSX workbook through the real API on the emulator: the template
// downloads with its Thai headings, a dry run explains every bad row by its row number in Thai and
// writes nothing, the real run adds the good rows, and a question already in the bank is not added twice.

const sys = useSystem({ clock: () => bangkokMorning('2026-12-16') });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
let token = '';

async function call(path: string, init: RequestInit = {}) {
  const { bot } = await sys.start();
  return fetch(`${bot.url}/api${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
}
const upload = async (bytes: Buffer, dryRun: boolean) => {
  const res = await call(`/ethics/questions/import?filename=q.xlsx${dryRun ? '&dryRun=1' : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

beforeAll(async () => {
  await sys.start();
  await sys.fs.reset();
  await municipality().set(demoMunicipality);
  const hr = await sys.linkedUser({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });
  token = sys.platform.issueIdToken(hr, { aud: DEV_CHANNEL.loginChannelId });
});

const workbook = (rows: string[][]) =>
  writeExcelFile([
    {
      sheet: 'คำถาม',
      data: [
        QUESTION_IMPORT_HEADERS.map((h) => ({ value: h })),
        ...rows.map((r) => r.map((v) => ({ value: v }))),
      ],
    },
  ]).toBuffer();

describe('ethics question import', () => {
  it('downloads the template with Thai headings and an example row', async () => {
    const res = await call('/ethics/questions/template.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('ethics-questions-template.xlsx');
    const rows = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(rows[0]).toEqual([...QUESTION_IMPORT_HEADERS]);
    expect(rows[1]?.[0]).toContain('ของขวัญ');
  });

  it('explains bad rows in Thai on a dry run, then adds the good rows once', async () => {
    const file = await workbook([
      ['การเปิดเผยข้อมูลต่อสาธารณะเป็นหลักธรรมาภิบาลข้อใด', 'หลักความโปร่งใส', 'หลักความคุ้มค่า', '', '', '', '1', ''],
      ['ข้อ', 'ก', '', '', '', '', '1', ''],
      ['ข้อใดเป็นการใช้ทรัพย์สินของราชการอย่างถูกต้อง', 'ใช้รถราชการไปงานราชการ', '', 'ใช้ไปธุระส่วนตัว', '', '', '1', ''],
      ['ควรรายงานการทุจริตผ่านช่องทางใด', 'ช่องทางร้องเรียนของหน่วยงาน', 'โพสต์ลงสื่อสังคม', '', '', '', '4', ''],
      [
        'ผู้บังคับบัญชาสั่งให้ทำผิดระเบียบควรทำอย่างไร',
        'ทักท้วงเป็นหนังสือ',
        'ทำตามทันที',
        '',
        '',
        '',
        '1',
        'ตามระเบียบข้าราชการ',
      ],
    ]);
    const dry = await upload(file, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, added: 2 });
    expect(dry.body.errors).toEqual([
      { line: 3, reasons: ['กรุณาพิมพ์คำถาม', 'ตัวเลือกต้องมี 2 ถึง 5 ข้อ'] },
      { line: 4, reasons: ['ตัวเลือกต้องเรียงติดกันตั้งแต่ตัวเลือกที่ 1 ไม่เว้นช่องว่าง (ไม่เกิน 5 ข้อ)'] },
      { line: 5, reasons: ['กรุณาระบุคำตอบที่ถูกเป็นหมายเลขตัวเลือก 1 ถึง 2'] },
    ]);
    expect((await municipality().collection('ethicsQuestions').get()).size).toBe(0);

    const real = await upload(file, false);
    expect(real.body).toMatchObject({ dryRun: false, added: 2 });
    const bank = (await municipality().collection('ethicsQuestions').get()).docs.map((d) => d.data());
    expect(bank.map((q) => q.text).sort()).toEqual([
      'การเปิดเผยข้อมูลต่อสาธารณะเป็นหลักธรรมาภิบาลข้อใด',
      'ผู้บังคับบัญชาสั่งให้ทำผิดระเบียบควรทำอย่างไร',
    ]);
    expect(bank.find((q) => q.explanation)).toMatchObject({
      choices: [
        { id: 'a', label: 'ทักท้วงเป็นหนังสือ' },
        { id: 'b', label: 'ทำตามทันที' },
      ],
      answerId: 'a',
      retired: false,
      updatedBy: 'นางสาวบุคคล ดูแลดี',
    });

    // the same file again: nothing added twice
    const again = await upload(file, false);
    expect(again.body.added).toBe(0);
    expect(again.body.duplicates.map((d: { line: number }) => d.line)).toEqual([2, 6]);
    expect((await municipality().collection('ethicsQuestions').get()).size).toBe(2);
  });

  it('refuses a file that is not the template in Thai', async () => {
    const wrong = await writeExcelFile([
      { sheet: 'x', data: [[{ value: 'ชื่อ' }], [{ value: 'ก' }]] },
    ]).toBuffer();
    const r = await upload(wrong, true);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('หัวตารางไม่ตรงกับแบบฟอร์ม');
  });
});
