import { addDays, bangkokDate, fiscalYearOf, type TrainingReport } from '@phattana/shared';
import readXlsxFile from 'read-excel-file/node';
import { beforeEach, describe, expect, it } from 'vitest';
import { reportPhotoPath } from '../../bot/src/media/store-report-photo';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { reportsOf, seedReport } from '../support/report-docs';
import { bangkokMorning, municipality, seedChain } from '../support/report-people';
import { useSystem } from '../support/system';

// The knowledge library end to end: a report's last approval (LIFF or chat) publishes it to colleagues
// of the municipality unless the person chose "internal"; colleagues of any division find it in the
// library, but only the author's division hears of it in the weekly digest (once a week, and not at all
// after "ไม่รับสรุปรายสัปดาห์"); a colleague's opening counts one read; HR records the meeting; the
// dashboard's "reports shared" and the audit archive's XLSX show it all.

const sys = useSystem();
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

// a 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const addDaysInstant = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

const ANSWERS = {
  learned: 'การจัดทำงบประมาณแบบมุ่งผลสัมฤทธิ์และการติดตามผล',
  application: 'ใช้ปรับแผนการเบิกจ่ายของกองคลังให้ตรงเวลา',
  sharing: 'staffMeeting',
  problems: 'ไม่มี',
  rating: 5,
} as const;

describe('knowledge library', () => {
  let users: Record<string, string> = {};

  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    users = await seedChain(sys, [
      { employeeId: 'R002', name: 'ปลัดเทศบาล ทดสอบ', roles: ['supervisor', 'executive'], supervisorId: null },
      {
        employeeId: 'R009',
        name: 'ผอ.กองคลัง ทดสอบ',
        roles: ['supervisor'],
        supervisorId: 'R002',
        divisionId: 'finance',
      },
      {
        employeeId: 'R010',
        name: 'นางสาวจิราพร ทดสอบ',
        roles: ['staff'],
        supervisorId: 'R009',
        divisionId: 'finance',
      },
      {
        employeeId: 'R011',
        name: 'นายอนุชา ทดสอบ',
        roles: ['staff'],
        supervisorId: 'R009',
        divisionId: 'finance',
      },
      {
        employeeId: 'R020',
        name: 'นายช่าง ต่างกอง',
        roles: ['staff'],
        supervisorId: 'R002',
        divisionId: 'works',
      },
      { employeeId: 'R004', name: 'นางสาวปิยะนุช ฝ่ายบุคคล', roles: ['staff', 'hr'], supervisorId: 'R002' },
    ]);
    await municipality(sys).set(
      {
        divisions: [
          { id: 'finance', name: 'กองคลัง' },
          { id: 'works', name: 'กองช่าง' },
          { id: 'palad', name: 'สำนักปลัด' },
        ],
      },
      { merge: true },
    );
  });

  const api = async (path: string, who: string, init: { method?: string; body?: unknown } = {}) => {
    const { bot } = await sys.start();
    return fetch(`${bot.url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${tokenFor(users[who] as string)}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
  };
  const json = async <T>(path: string, who: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await api(path, who, init);
    return { status: res.status, body: (await res.json()) as T };
  };

  /** A report of R010's waiting for R009, the last approver. */
  const submitted = (o: Partial<TrainingReport> = {}) =>
    seedReport(sys.fs.db, 'R010', {
      employeeName: 'นางสาวจิราพร ทดสอบ',
      divisionId: 'finance',
      trainingTitle: 'การจัดทำงบประมาณมุ่งผลสัมฤทธิ์',
      status: 'submitted',
      answers: ANSWERS,
      approvers: ['R009'],
      currentApproverId: 'R009',
      firstSubmittedAt: new Date().toISOString(),
      submittedAt: new Date().toISOString(),
      ...o,
    });
  const approve = async (id: string) =>
    (await api(`/team/reports/${encodeURIComponent(id)}/approve`, 'R009', { method: 'POST', body: {} }))
      .status;

  type List = { entries: { id: string; trainingTitle: string; readCount: number }[]; digest: boolean };

  it('publishes on the last approval; any colleague finds and opens it, and each colleague counts one read', async () => {
    const report = await submitted();
    // not in the library before the last approval
    expect((await json<List>('/library', 'R011')).body.entries).toEqual([]);
    expect(await approve(report.id)).toBe(200);

    const entry = (await municipality(sys).collection('library').doc(report.id).get()).data();
    expect(entry).toMatchObject({
      visibility: 'published',
      employeeId: 'R010',
      divisionId: 'finance',
      learned: ANSWERS.learned,
      fiscalYear: fiscalYearOf(report.endDate),
      readCount: 0,
    });

    // another division sees it in the library, searchable by topic, division and fiscal year
    const other = await json<List>('/library?q=งบประมาณ&division=finance', 'R020');
    expect(other.body.entries.map((e) => e.id)).toEqual([report.id]);
    expect((await json<List>('/library?q=ไม่มีเรื่องนี้', 'R020')).body.entries).toEqual([]);
    expect((await json<List>('/library?division=works', 'R020')).body.entries).toEqual([]);
    expect(
      (await json<List>(`/library?fy=${fiscalYearOf(report.endDate) - 1}`, 'R020')).body.entries,
    ).toEqual([]);
    expect((await api('/library?fy=abc', 'R020')).status).toBe(400);

    // reads: a colleague once however often they open it; the author and HR do not count
    const id = encodeURIComponent(report.id);
    for (const who of ['R011', 'R011', 'R020', 'R010'])
      expect((await api(`/library/${id}`, who)).status).toBe(200);
    const opened = await json<{ readCount: number; learned: string; mayManage: boolean }>(
      `/library/${id}`,
      'R011',
    );
    expect(opened.body).toMatchObject({ readCount: 2, learned: ANSWERS.learned, mayManage: false });
    expect((await json<{ mayManage: boolean }>(`/library/${id}`, 'R010')).body.mayManage).toBe(true);
    expect((await api('/library/no-such-entry', 'R011')).status).toBe(404);
  });

  it("serves a published entry's stored photos to colleagues, and refuses them once it is internal", async () => {
    const report = await submitted({
      photos: [
        {
          messageId: '7001',
          receivedAt: new Date().toISOString(),
          storagePath: 'x',
          contentType: 'image/png',
        },
        { messageId: '7002', receivedAt: new Date().toISOString(), error: 'tooLarge' },
      ],
    });
    await sys.storage.media.put(
      reportPhotoPath(reportsOf(sys.fs.db).doc(report.id), '7001'),
      PNG,
      'image/png',
    );
    expect(await approve(report.id)).toBe(200);
    const id = encodeURIComponent(report.id);
    expect((await json<{ photoIds: string[] }>(`/library/${id}`, 'R020')).body.photoIds).toEqual(['7001']);
    const photo = await api(`/library/${id}/photos/7001`, 'R020');
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await api(`/library/${id}/photos/7002`, 'R020')).status).toBe(404);
    // the report's own photo route keeps its rule: the chain and HR, not colleagues
    expect((await api(`/reports/${id}/photos/7001`, 'R020')).status).toBe(403);
    const internal = { method: 'PUT', body: { visibility: 'internal' } };
    expect((await api(`/library/${id}/visibility`, 'R010', internal)).status).toBe(200);
    expect((await api(`/library/${id}/photos/7001`, 'R020')).status).toBe(403);
    expect((await api(`/library/${id}/photos/7001`, 'R010')).status).toBe(200);
  });

  it("keeps an internal report out of colleagues' reach; the owner or HR may change that, nobody else", async () => {
    const report = await submitted({ libraryChoice: 'internal' });
    expect(await approve(report.id)).toBe(200);
    const id = encodeURIComponent(report.id);
    expect((await json<List>('/library', 'R011')).body.entries).toEqual([]);
    const refused = await json<{ message: string }>(`/library/${id}`, 'R011');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/เอกสารภายใน/);
    expect((await json<List>('/library', 'R004')).body.entries.map((e) => e.id)).toEqual([report.id]);
    expect((await json<List>('/library', 'R010')).body.entries.map((e) => e.id)).toEqual([report.id]);

    // a colleague cannot publish it; the owner can; HR can make it internal again
    expect(
      (await api(`/library/${id}/visibility`, 'R011', { method: 'PUT', body: { visibility: 'published' } }))
        .status,
    ).toBe(403);
    expect(
      (await api(`/library/${id}/visibility`, 'R010', { method: 'PUT', body: { visibility: 'nonsense' } }))
        .status,
    ).toBe(400);
    expect(
      (await api(`/library/${id}/visibility`, 'R010', { method: 'PUT', body: { visibility: 'published' } }))
        .status,
    ).toBe(200);
    expect((await json<List>('/library', 'R011')).body.entries.map((e) => e.id)).toEqual([report.id]);
    expect(
      (await api(`/library/${id}/visibility`, 'R004', { method: 'PUT', body: { visibility: 'internal' } }))
        .status,
    ).toBe(200);
    expect((await json<List>('/library', 'R011')).body.entries).toEqual([]);
    const stored = (await municipality(sys).collection('library').doc(report.id).get()).data();
    expect(stored?.internalBy).toMatchObject({ employeeId: 'R004', role: 'hr' });
  });

  it("digests the week once to the author's division only, and not to whoever turned it off in chat", async () => {
    const { bot } = await sys.start();
    const first = await submitted();
    expect(await approve(first.id)).toBe(200);
    const tomorrow = bangkokMorning(addDays(bangkokDate(new Date()), 1));

    // at night nothing goes out (quiet hours)
    expect((await bot.runLibraryDigest(new Date(tomorrow.getTime() - 7 * 3_600_000))).skipped).toBe(
      'quietHours',
    );

    const run = await bot.runLibraryDigest(tomorrow);
    expect(run).toMatchObject({ people: 2, messages: { sent: 2 } }); // R009 and R011: same division, not the author
    const texts = (who: string) =>
      sys.platform
        .messagesFor(users[who] as string)
        .map((m) => String(m.message.text ?? ''))
        .filter((t) => t.startsWith('📚 สรุปคลังความรู้ประจำสัปดาห์'));
    expect(texts('R011')).toHaveLength(1);
    expect(texts('R011')[0]).toContain('การจัดทำงบประมาณมุ่งผลสัมฤทธิ์');
    expect(texts('R009')).toHaveLength(1);
    expect(texts('R020')).toEqual([]); // another division: the library, not the digest
    expect(texts('R010')).toEqual([]); // the author
    const quick = sys.platform.messagesFor(users.R011 as string).at(-1)?.message.quickReply as
      | { items: { action: { text?: string } }[] }
      | undefined;
    expect(quick?.items.map((i) => i.action.text)).toContain('ไม่รับสรุปรายสัปดาห์');

    // a rerun of the week sends nothing again
    expect((await bot.runLibraryDigest(tomorrow)).messages.sent).toBe(0);
    expect(texts('R011')).toHaveLength(1);

    // R011 turns it off from the digest's quick reply; the next week's new entry reaches R009 only
    await sys.text(users.R011 as string, 'ไม่รับสรุปรายสัปดาห์');
    expect(String(sys.platform.messagesFor(users.R011 as string).at(-1)?.message.text)).toContain(
      'หยุดส่งสรุปคลังความรู้รายสัปดาห์ให้ท่านแล้ว',
    );
    expect((await municipality(sys).collection('employees').doc('R011').get()).get('libraryDigest')).toBe(
      false,
    );
    expect((await json<List>('/library', 'R011')).body.digest).toBe(false);
    const second = await submitted({ trainingId: 'TRNEXT', trainingTitle: 'ระบบบัญชีคอมพิวเตอร์ e-LAAS' });
    expect(await approve(second.id)).toBe(200);
    // as if approved during the following week (the first entry's week is over by then)
    await municipality(sys)
      .collection('library')
      .doc(second.id)
      .update({ approvedAt: addDaysInstant(tomorrow, 3).toISOString() });
    const nextWeek = bangkokMorning(addDays(bangkokDate(new Date()), 7));
    const later = await bot.runLibraryDigest(nextWeek);
    expect(later).toMatchObject({ people: 1, optedOut: 1, messages: { sent: 1 } });
    expect(texts('R011')).toHaveLength(1);
    expect(texts('R009')).toHaveLength(2);

    // and back on, from LIFF
    expect(
      (await json<{ digest: boolean }>('/library/digest', 'R011', { method: 'PUT', body: { digest: true } }))
        .body.digest,
    ).toBe(true);
    expect((await api('/library/digest', 'R011', { method: 'PUT', body: { digest: 'yes' } })).status).toBe(
      400,
    );
  });

  it('HR records the meeting; the dashboard counts shared reports; the archive XLSX holds the trail', async () => {
    const shared = await submitted();
    const internal = await submitted({
      trainingId: 'TRINT',
      trainingTitle: 'หลักสูตรภายใน',
      libraryChoice: 'internal',
    });
    expect(await approve(shared.id)).toBe(200);
    expect(await approve(internal.id)).toBe(200);
    await api(`/library/${encodeURIComponent(shared.id)}`, 'R011');

    const today = bangkokDate(new Date());
    const presentation = { date: today, note: 'นำเสนอในการประชุมพนักงานเดือนนี้ 15 นาที' };
    const path = `/library/${encodeURIComponent(internal.id)}/presentation`;
    expect((await api(path, 'R010', { method: 'PUT', body: presentation })).status).toBe(403);
    const bad = await json<{ message: string }>(path, 'R004', {
      method: 'PUT',
      body: { date: '2027-13-40', note: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/วันที่ประชุม/);
    expect((await api(path, 'R004', { method: 'PUT', body: presentation })).status).toBe(200);

    // both count as shared: one published, one presented at the meeting although internal
    const fy = fiscalYearOf(shared.endDate);
    const dash = await json<{
      indicators: { id: string; numerator: number; denominator: number; target: number }[];
    }>(`/dashboard?fy=${fy}`, 'R004');
    expect(dash.body.indicators.find((i) => i.id === 'reportsShared')).toMatchObject({
      numerator: 2,
      denominator: 2,
      target: 90,
    });

    // the archive: staff may not; HR downloads the year's XLSX and it reads back with every step
    expect((await api(`/archive/export.xlsx?fy=${fy}`, 'R011')).status).toBe(403);
    const xlsx = await api(`/archive/export.xlsx?fy=${fy}`, 'R004');
    expect(xlsx.status).toBe(200);
    const [sheet] = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    const rows = (sheet?.data ?? []).map((r) => r.map((v) => String(v ?? '')));
    expect(rows[1]).toEqual(['ผู้รับการพัฒนา', 'ประเภท', 'เรื่อง', 'วันที่', 'ขั้นตอน', 'ผู้ดำเนินการ', 'รายละเอียด']);
    const of = (subject: string) => rows.filter((r) => r[2] === subject).map((r) => [r[4], r[5], r[6]]);
    expect(of('การจัดทำงบประมาณมุ่งผลสัมฤทธิ์')).toEqual(
      expect.arrayContaining([
        ['อนุมัติรายงาน (ลำดับที่ 1 จาก 1)', 'ผอ.กองคลัง ทดสอบ', ''],
        ['เผยแพร่ในคลังความรู้', 'ระบบ', 'เพื่อนร่วมงานในเทศบาลอ่านได้'],
        ['เพื่อนร่วมงานเปิดอ่าน', 'ระบบ', '1 คน'],
      ]),
    );
    expect(of('หลักสูตรภายใน')).toEqual(
      expect.arrayContaining([
        ['เก็บเป็นเอกสารภายใน (ไม่เผยแพร่)', 'นางสาวจิราพร ทดสอบ', 'ผู้รายงานเลือก'],
        ['นำเสนอในการประชุมพนักงานประจำเดือน', 'นางสาวปิยะนุช ฝ่ายบุคคล', presentation.note],
      ]),
    );
    // dates in the Buddhist era
    expect(rows.slice(2).every((r) => /25\d\d/.test(r[3] ?? ''))).toBe(true);

    // one person's archive, as the printable page reads it
    const person = await json<{ title: string; sections: { subject: string }[]; missingProviders: string[] }>(
      '/archive?employee=R010',
      'R004',
    );
    expect(person.body.title).toContain('นางสาวจิราพร ทดสอบ');
    expect(person.body.sections.map((s) => s.subject).sort()).toEqual(
      ['การจัดทำงบประมาณมุ่งผลสัมฤทธิ์', 'หลักสูตรภายใน'].sort(),
    );
    expect((await api('/archive?employee=NOBODY', 'R004')).status).toBe(404);
  });
});
