import { randomInt } from 'node:crypto';
import { createHmacPostbackSigner, derivePostbackSecret, REPORT_PHOTO_MAX_BYTES } from '@phattana/bot';
import {
  EMPTY_REPORT_PARTS,
  encodePostback,
  openReportAction,
  type ReportPhoto,
  type TrainingReport,
} from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { buildImageEvent } from '../../dev/src/simulator/webhook-events';
import { jpegImage, pngImage, webpImage } from '../support/images';
import { findAction, TEST_CHANNEL, textsOf, useSystem } from '../support/system';

// Report photos: LINE keeps message content only for a while, so a task copies each photo to Cloud
// Storage (the Storage emulator here) and records it on the report. Real bot wiring, real Firestore
// emulator, the fake LINE platform serving the content.
describe('report photos', () => {
  const sys = useSystem();
  const reports = () =>
    sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID).collection('reports');
  const messageId = () => String(600_000_000_000_000_000n + BigInt(randomInt(1, 2 ** 47)));
  const contentPath = (id: string) => `/v2/bot/message/${id}/content`;
  const jpeg = (n: number) => jpegImage(640, 480, n);

  /** A report whose chat flow already appended the photo entry (the turn that received the image). */
  async function reportWithPhoto(id: string, photoId: string) {
    await reports()
      .doc(id)
      .set({ id, employeeId: 'E1', status: 'pending', photos: [{ messageId: photoId, receivedAt: 'x' }] });
  }
  const photos = async (id: string) => ((await reports().doc(id).get()).get('photos') as ReportPhoto[]) ?? [];
  const run = async (reportId: string, photoId: string) => {
    const { bot } = await sys.start();
    await bot.runTask({ type: 'storeReportPhoto', reportId, messageId: photoId });
  };

  it('copies the image to storage and records it on the photo entry, once even when run twice', async () => {
    const { platform } = await sys.start();
    const id = messageId();
    const body = jpeg(50_000);
    platform.putContent(id, body, 'image/jpeg');
    await reportWithPhoto('TR1__E1', id);

    await run('TR1__E1', id);
    await run('TR1__E1', id); // a Cloud Tasks retry

    const storagePath = `municipalities/${DEMO_MUNICIPALITY_ID}/reports/TR1__E1/photos/${id}`;
    expect(await photos('TR1__E1')).toEqual([
      { messageId: id, receivedAt: 'x', storagePath, contentType: 'image/jpeg', bytes: body.length },
    ]);
    expect(await sys.storage.media.get(storagePath)).toEqual({ bytes: body, contentType: 'image/jpeg' });
    const [files] = await sys.storage.bucket.getFiles({ prefix: `municipalities/${DEMO_MUNICIPALITY_ID}/` });
    expect(files.map((f) => f.name)).toEqual([storagePath]);
    // the settled entry is not fetched again (the content may have expired by then)
    expect(platform.requests({ path: contentPath(id) })).toHaveLength(1);
  });

  it('refuses content that is not an image, or is over 10 MB, and says why', async () => {
    const { platform } = await sys.start();
    const pdf = messageId();
    const huge = messageId();
    platform.putContent(pdf, Buffer.from('%PDF-1.7 certificate'), 'application/pdf');
    const hugeBody = jpeg(REPORT_PHOTO_MAX_BYTES);
    platform.putContent(huge, hugeBody, 'image/jpeg');
    await reports()
      .doc('TR2__E1')
      .set({
        id: 'TR2__E1',
        photos: [
          { messageId: pdf, receivedAt: 'a' },
          { messageId: huge, receivedAt: 'b' },
        ],
      });

    await run('TR2__E1', pdf);
    await run('TR2__E1', huge);
    await run('TR2__E1', pdf);

    expect(await photos('TR2__E1')).toEqual([
      { messageId: pdf, receivedAt: 'a', error: 'notAnImage', contentType: 'application/pdf', bytes: 20 },
      {
        messageId: huge,
        receivedAt: 'b',
        error: 'tooLarge',
        contentType: 'image/jpeg',
        bytes: hugeBody.length,
      },
    ]);
    const [files] = await sys.storage.bucket.getFiles({
      prefix: `municipalities/${DEMO_MUNICIPALITY_ID}/reports/TR2__E1/`,
    });
    expect(files).toEqual([]);
  });

  it('judges by content: a file that claims to be a JPEG is refused, recorded, and the person told once', async () => {
    const { platform } = await sys.start();
    const userId = await sys.linkedUser({ employeeId: 'E778' });
    const fake = messageId();
    const webp = messageId();
    const html = Buffer.from('<html>ใบประกาศ</html>');
    platform.putContent(fake, html, 'image/jpeg');
    // a real picture whose declared type is wrong is kept, under the type its bytes say
    platform.putContent(webp, webpImage(800, 600), 'application/octet-stream');
    await reports()
      .doc('TR7__E778')
      .set({
        id: 'TR7__E778',
        employeeId: 'E778',
        trainingTitle: 'การเขียนหนังสือราชการ',
        status: 'pending',
        photos: [
          { messageId: fake, receivedAt: 'a' },
          { messageId: webp, receivedAt: 'b' },
        ],
      });

    await run('TR7__E778', fake);
    await run('TR7__E778', fake); // a retry never tells twice
    await run('TR7__E778', webp);

    expect(await photos('TR7__E778')).toEqual([
      {
        messageId: fake,
        receivedAt: 'a',
        error: 'notAnImage',
        contentType: 'image/jpeg',
        bytes: html.length,
      },
      expect.objectContaining({ messageId: webp, contentType: 'image/webp' }),
    ]);
    const told = textsOf(sys.botMessages(userId)).filter((t) => t.includes('บันทึกไม่ได้'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('รูปที่ส่งสำหรับรายงาน "การเขียนหนังสือราชการ" บันทึกไม่ได้');
    expect(told[0]).toContain('ไม่ใช่รูปภาพ');
    expect(findAction(sys.botMessages(userId), 'ส่งรูปใหม่').type).toBe('postback');
  });

  it('records content LINE no longer has (404) as expired, without failing the task', async () => {
    await sys.start();
    const gone = messageId();
    await reportWithPhoto('TR3__E1', gone);
    await run('TR3__E1', gone);
    expect(await photos('TR3__E1')).toEqual([{ messageId: gone, receivedAt: 'x', error: 'expired' }]);
  });

  it('fails the task while LINE is down, so Cloud Tasks retries it, and stores it on the retry', async () => {
    const { platform } = await sys.start();
    const id = messageId();
    const png = pngImage();
    platform.putContent(id, png, 'image/png');
    await reportWithPhoto('TR4__E1', id);
    platform.injectFault({ path: contentPath(id), status: 503, count: 4 });

    await expect(run('TR4__E1', id)).rejects.toThrow(/503/);
    expect(await photos('TR4__E1')).toEqual([{ messageId: id, receivedAt: 'x' }]);

    await run('TR4__E1', id);
    expect((await photos('TR4__E1'))[0]).toMatchObject({ contentType: 'image/png', bytes: png.length });
  });

  it('leaves a report or photo that no longer exists alone', async () => {
    await sys.start();
    await expect(run('TR404__E1', messageId())).resolves.toBeUndefined();
    await reportWithPhoto('TR5__E1', messageId());
    await run('TR5__E1', messageId());
    expect(await photos('TR5__E1')).toHaveLength(1);
  });

  it('through the webhook: an image sent at the photos step is queued after the turn and stored', async () => {
    const { platform } = await sys.start();
    const userId = await sys.linkedUser({ employeeId: 'E777' });
    const report: TrainingReport = {
      id: 'TR6__E777',
      trainingId: 'TR6',
      trainingTitle: 'การจัดซื้อจัดจ้างภาครัฐ',
      method: 'training',
      hours: 12,
      startDate: '2026-11-02',
      endDate: '2026-11-03',
      employeeId: 'E777',
      employeeName: 'นางสาวทดสอบ ระบบดี',
      returnDate: '2026-11-03',
      dueDate: '2026-11-12',
      ...EMPTY_REPORT_PARTS,
      answers: {
        learned: 'ขั้นตอนการจัดซื้อจัดจ้างแบบ e-bidding',
        application: 'ใช้ร่างทีโออาร์ให้ถูกต้องตามระเบียบ',
        sharing: 'staffMeeting',
        problems: '-',
        rating: 5,
      },
    };
    await reports().doc(report.id).set(report);
    const signer = createHmacPostbackSigner(derivePostbackSecret(TEST_CHANNEL.secret));
    const open = openReportAction(report.id, 'รายงาน');
    if (open.type !== 'postback') throw new Error('expected a postback action');
    await sys.postback(userId, encodePostback(open.data, signer, new Date()));
    // every answer is in, so the flow shows the summary: the person chooses to attach photos
    const editPhotos = findAction(sys.botMessages(userId), 'แก้รูปภาพ');
    await sys.postback(userId, String(editPhotos.data));

    // Two photos in one delivery (LINE batches a person's events): the first one's copy runs while the
    // second turn rewrites the report, and neither may lose the other's update.
    const ids = [messageId(), messageId()];
    const bodies = [jpeg(2048), jpeg(4096)];
    for (const [i, id] of ids.entries()) platform.putContent(id, bodies[i]!, 'image/jpeg');
    const res = await sys.post(
      sys.envelope(
        ids.map((id) =>
          buildImageEvent({ userId, messageId: id, replyToken: platform.issueReplyToken(userId) }),
        ),
      ),
    );
    expect(res.status).toBe(200);
    expect(textsOf(sys.botMessages(userId)).join('\n')).toContain('ได้รับรูปที่ 2');

    const stored = await photos(report.id);
    expect(stored).toEqual(
      ids.map((id, i) =>
        expect.objectContaining({ messageId: id, contentType: 'image/jpeg', bytes: bodies[i]!.length }),
      ),
    );
    for (const [i, p] of stored.entries())
      expect(await sys.storage.media.get(p.storagePath!)).toEqual({
        bytes: bodies[i],
        contentType: 'image/jpeg',
      });
  });
});
