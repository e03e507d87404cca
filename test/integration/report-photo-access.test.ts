import { beforeEach, describe, expect, it } from 'vitest';
import { reportPhotoPath } from '../../bot/src/media/store-report-photo';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { reportsOf, seedReport } from '../support/report-docs';
import { seedChain } from '../support/report-people';
import { useSystem } from '../support/system';

// A report's photos and certificate at full size through the LIFF API: the person who filed it, each
// approver in its chain and HR see them; a colleague, or a supervisor outside the chain, gets 403.
// In the approver's chat card they are small pictures at signed, expiring addresses LINE fetches.

/** moves the bot's clock on (the signed addresses expire) */
let shiftMs = 0;
const sys = useSystem({ clock: () => new Date(Date.now() + shiftMs) });
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });
// a 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('report photos for the approval chain only', () => {
  let users: Record<string, string> = {};

  beforeEach(async () => {
    shiftMs = 0;
    await sys.start();
    await sys.fs.reset();
    users = await seedChain(sys, [
      { employeeId: 'R001', name: 'นายก ทดสอบ', roles: ['executive'], supervisorId: null },
      { employeeId: 'R002', name: 'ปลัด ทดสอบ', roles: ['supervisor', 'executive'], supervisorId: 'R001' },
      { employeeId: 'R009', name: 'ผอ.กองคลัง ทดสอบ', roles: ['supervisor'], supervisorId: 'R002' },
      { employeeId: 'R008', name: 'ผอ.กองช่าง ทดสอบ', roles: ['supervisor'], supervisorId: 'R002' },
      { employeeId: 'R010', name: 'เจ้าของ รายงาน', roles: ['staff'], supervisorId: 'R009' },
      { employeeId: 'R011', name: 'เพื่อน ร่วมงาน', roles: ['staff'], supervisorId: 'R009' },
      { employeeId: 'R004', name: 'ฝ่าย บุคคล', roles: ['staff', 'hr'], supervisorId: 'R002' },
    ]);
  });

  it('serves a stored photo to the owner, the chain and HR, and refuses anyone else in Thai', async () => {
    const { bot } = await sys.start();
    const report = await seedReport(sys.fs.db, 'R010', {
      status: 'submitted',
      approvers: ['R009', 'R002'],
      currentApproverId: 'R009',
      photos: [
        {
          messageId: '5001',
          receivedAt: new Date().toISOString(),
          storagePath: 'x',
          contentType: 'image/png',
          bytes: PNG.length,
        },
        { messageId: '5002', receivedAt: new Date().toISOString(), error: 'notAnImage' },
      ],
    });
    await sys.storage.media.put(
      reportPhotoPath(reportsOf(sys.fs.db).doc(report.id), '5001'),
      PNG,
      'image/png',
    );
    const get = async (who: string, messageId = '5001') => {
      const res = await fetch(`${bot.url}/api/reports/${encodeURIComponent(report.id)}/photos/${messageId}`, {
        headers: { authorization: `Bearer ${tokenFor(users[who] as string)}` },
      });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    };

    for (const who of ['R010', 'R009', 'R002', 'R004']) {
      const ok = await get(who);
      expect({ who, status: ok.status, type: ok.type }).toEqual({ who, status: 200, type: 'image/png' });
      expect(ok.bytes.equals(PNG)).toBe(true);
    }
    for (const who of ['R011', 'R008', 'R001']) {
      const refused = await get(who);
      expect({ who, status: refused.status }).toEqual({ who, status: 403 });
      expect(JSON.parse(refused.bytes.toString('utf8')).message).toBe(
        'รูปของรายงานนี้ดูได้เฉพาะเจ้าของรายงาน ผู้พิจารณาตามสายอนุมัติ และฝ่ายบุคคล',
      );
    }
    // a photo the system refused, or one the report does not list, is not found (even for the chain)
    expect((await get('R009', '5002')).status).toBe(404);
    expect((await get('R009', '9999')).status).toBe(404);

    // the approver's waiting list names the photos, stored or not
    const waiting = await fetch(`${bot.url}/api/team/reports/waiting`, {
      headers: { authorization: `Bearer ${tokenFor(users.R009 as string)}` },
    }).then((r) => r.json() as Promise<{ reports: { photos: unknown }[] }>);
    expect(waiting.reports[0]?.photos).toEqual([
      { messageId: '5001', stored: true },
      { messageId: '5002', stored: false },
    ]);
  });

  it('shows the photos small in the approval card, at signed addresses that expire and cannot be altered', async () => {
    const { bot } = await sys.start();
    const received = new Date().toISOString();
    const report = await seedReport(sys.fs.db, 'R010', {
      status: 'submitted',
      approvers: ['R009', 'R002'],
      currentApproverId: 'R009',
      submittedAt: received,
      firstSubmittedAt: received,
      photos: [
        {
          messageId: '5001',
          receivedAt: received,
          storagePath: 'x',
          contentType: 'image/png',
          bytes: PNG.length,
        },
        { messageId: '5002', receivedAt: received, error: 'notAnImage' },
        // LINE shows only JPEG and PNG in a card: a GIF stays for LIFF
        { messageId: '5003', receivedAt: received, storagePath: 'y', contentType: 'image/gif', bytes: 10 },
      ],
    });
    await sys.storage.media.put(
      reportPhotoPath(reportsOf(sys.fs.db).doc(report.id), '5001'),
      PNG,
      'image/png',
    );

    const director = users.R009 as string;
    await sys.text(director, 'งานรออนุมัติ');
    await sys.tap(director, 'ดูรายงานฉบับเต็ม');
    const card = JSON.stringify(sys.botMessages(director).at(-1));
    const urls = [...card.matchAll(/"type":"image","url":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(urls).toHaveLength(1);
    const [url] = urls as [string];
    expect(url.startsWith(`${bot.url}/media/report-photos/`)).toBe(true);
    expect(url.length).toBeLessThanOrEqual(2000);

    // LINE fetches it without anyone's login
    const ok = await fetch(url);
    expect({ status: ok.status, type: ok.headers.get('content-type') }).toEqual({
      status: 200,
      type: 'image/png',
    });
    expect(Buffer.from(await ok.arrayBuffer()).equals(PNG)).toBe(true);

    // one character changed in the token, or the photo swapped for another: 403 and no picture
    const token = url.slice(url.lastIndexOf('/') + 1);
    const [payload, sig] = token.split('.') as [string, string];
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    const swapped = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace('|5001|', '|5003|'),
    ).toString('base64url');
    for (const bad of [`${payload}.${flipped}`, `${swapped}.${sig}`, 'garbage', `${payload}.`]) {
      const res = await fetch(`${bot.url}/media/report-photos/${bad}`);
      const body = Buffer.from(await res.arrayBuffer());
      expect({ bad, status: res.status }).toEqual({ bad, status: 403 });
      expect(body.includes(PNG)).toBe(false);
    }

    // eight days later the same address is refused
    shiftMs = 8 * 86_400_000;
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(Buffer.from(await expired.arrayBuffer()).includes(PNG)).toBe(false);
  });
});
