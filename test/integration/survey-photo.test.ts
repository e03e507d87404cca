import { randomInt } from 'node:crypto';
import { REPORT_PHOTO_MAX_BYTES } from '@phattana/bot';
import { surveyFromTemplate } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { jpegImage, pngImage } from '../support/images';
import { textsOf, useSystem } from '../support/system';

// Survey photos (the 5ส check-in's before/after pictures): a task copies each one from LINE to Cloud
// Storage (the Storage emulator here) and records the outcome on surveys/{id}/photos/{messageId}; a
// photo that cannot be kept is recorded with its reason and the person is asked, once, for another.
describe('survey photos', () => {
  const sys = useSystem();
  const m = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
  const messageId = () => String(700_000_000_000_000_000n + BigInt(randomInt(1, 2 ** 47)));
  const jpeg = (n: number) => jpegImage(640, 480, n);
  const fiveS = (id: string, anonymous = false) => ({
    ...surveyFromTemplate('fiveS', {
      id,
      fiscalYear: 2570,
      opensOn: '2026-01-01',
      closesOn: '2099-12-31',
      activity: { date: '2026-12-01', area: 'ห้องเก็บเอกสาร' },
    }),
    status: 'open' as const,
    anonymous,
  });
  /** what the turn that received the image wrote: a pending entry naming the person */
  async function pending(surveyId: string, photoId: string, employeeId: string) {
    await m()
      .collection('surveys')
      .doc(surveyId)
      .collection('photos')
      .doc(photoId)
      .set({ surveyId, questionId: 'photoAfter', messageId: photoId, employeeId });
  }
  const photo = async (surveyId: string, photoId: string) =>
    (await m().collection('surveys').doc(surveyId).collection('photos').doc(photoId).get()).data();
  const run = async (surveyId: string, photoId: string) => {
    const { bot } = await sys.start();
    await bot.runTask({ type: 'storeSurveyPhoto', surveyId, messageId: photoId });
    await bot.drain();
  };

  it('copies the image to storage and records it, once even when the task runs twice', async () => {
    const { platform } = await sys.start();
    const user = await sys.linkedUser({ employeeId: 'P001' });
    await m().collection('surveys').doc('F1').set(fiveS('F1'));
    const id = messageId();
    const body = jpeg(30_000);
    platform.putContent(id, body, 'image/jpeg');
    await pending('F1', id, 'P001');

    await run('F1', id);
    await run('F1', id);

    const storagePath = `municipalities/${DEMO_MUNICIPALITY_ID}/surveys/F1/photos/${id}`;
    expect(await photo('F1', id)).toEqual({
      surveyId: 'F1',
      questionId: 'photoAfter',
      messageId: id,
      employeeId: 'P001',
      status: 'stored',
      storagePath,
      contentType: 'image/jpeg',
      bytes: body.length,
    });
    expect(await sys.storage.media.get(storagePath)).toEqual({ bytes: body, contentType: 'image/jpeg' });
    expect(platform.requests({ path: `/v2/bot/message/${id}/content` })).toHaveLength(1);
    expect(sys.botMessages(user)).toEqual([]);
  });

  it('refuses a photo over 10 MB or not an image, records why, and asks the person once for another', async () => {
    const { platform } = await sys.start();
    const user = await sys.linkedUser({ employeeId: 'P002' });
    await m().collection('surveys').doc('F2').set(fiveS('F2'));
    const huge = messageId();
    const pdf = messageId();
    const disguised = messageId();
    const hugeBody = jpeg(REPORT_PHOTO_MAX_BYTES);
    platform.putContent(huge, hugeBody, 'image/jpeg');
    platform.putContent(pdf, Buffer.from('%PDF-1.7'), 'application/pdf');
    // the declared type is the phone's word; only the bytes count
    platform.putContent(disguised, Buffer.from('PK\u0003\u0004 spreadsheet.xlsx'), 'image/jpeg');
    await pending('F2', huge, 'P002');
    await pending('F2', pdf, 'P002');
    await pending('F2', disguised, 'P002');

    await run('F2', huge);
    await run('F2', huge); // a Cloud Tasks retry: no second message
    await run('F2', pdf);
    await run('F2', disguised);

    expect(await photo('F2', huge)).toMatchObject({
      status: 'refused',
      reason: 'tooLarge',
      bytes: hugeBody.length,
    });
    expect(await photo('F2', pdf)).toMatchObject({ status: 'refused', reason: 'notAnImage' });
    expect(await photo('F2', disguised)).toMatchObject({
      status: 'refused',
      reason: 'notAnImage',
      contentType: 'image/jpeg',
    });
    const said = textsOf(sys.botMessages(user));
    expect(said).toHaveLength(3);
    expect(said[0]).toContain('ใหญ่เกิน 10 MB');
    expect(said[0]).toContain('กรุณาส่งรูปใหม่');
    expect(said[1]).toContain('ไม่ใช่รูปภาพ');
    expect(said[2]).toContain('ไม่ใช่รูปภาพ');
    const [files] = await sys.storage.bucket.getFiles({
      prefix: `municipalities/${DEMO_MUNICIPALITY_ID}/surveys/F2/`,
    });
    expect(files).toEqual([]);
  });

  it('records expired content; keeps nothing for an anonymous survey; fails while LINE is down', async () => {
    const { platform } = await sys.start();
    await sys.linkedUser({ employeeId: 'P003' });
    await m().collection('surveys').doc('F3').set(fiveS('F3'));
    await m().collection('surveys').doc('A3').set(fiveS('A3', true));
    const gone = messageId();
    await pending('F3', gone, 'P003');
    await run('F3', gone);
    expect(await photo('F3', gone)).toMatchObject({ status: 'refused', reason: 'expired' });

    // a photo can identify its sender: an anonymous survey keeps none, not even the pending entry
    const anon = messageId();
    platform.putContent(anon, jpeg(10), 'image/jpeg');
    await pending('A3', anon, 'P003');
    await run('A3', anon);
    expect(await photo('A3', anon)).toBeUndefined();
    expect(platform.requests({ path: `/v2/bot/message/${anon}/content` })).toHaveLength(0);

    const later = messageId();
    platform.putContent(later, pngImage(), 'image/png');
    await pending('F3', later, 'P003');
    platform.injectFault({ path: `/v2/bot/message/${later}/content`, status: 503, count: 4 });
    const { bot } = await sys.start();
    await expect(bot.runTask({ type: 'storeSurveyPhoto', surveyId: 'F3', messageId: later })).rejects.toThrow(
      /503/,
    );
    expect((await photo('F3', later))?.status).toBeUndefined();
    await run('F3', later);
    expect(await photo('F3', later)).toMatchObject({ status: 'stored', contentType: 'image/png' });
  });

  // HR sees the photos of a named survey on the results page: listed with who sent them, each read
  // through the API with the ID token; never an anonymous survey's, a refused one or one not submitted
  it('shows HR the stored photos of submitted responses, byte for byte, and nobody else', async () => {
    const { platform, bot } = await sys.start();
    const token = (userId: string) => platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });
    const get = (path: string, userId: string) =>
      fetch(`${bot.url}/api/surveys/${path}`, { headers: { authorization: `Bearer ${token(userId)}` } });
    await m().set({ divisions: [{ id: 'finance', name: 'กองคลัง' }] }, { merge: true });
    const hr = await sys.linkedUser({ employeeId: 'H010', roles: ['staff', 'hr'] });
    const staff = await sys.linkedUser({ employeeId: 'P010', name: 'นายสมชาย ใจดี' });
    const drafter = await sys.linkedUser({ employeeId: 'P011' });
    await m().collection('employees').doc('P010').update({ divisionId: 'finance' });
    await m().collection('surveys').doc('F5').set(fiveS('F5'));
    await m().collection('surveys').doc('A5').set(fiveS('A5', true));

    const before = messageId();
    const after = messageId();
    const refused = messageId();
    const draft = messageId();
    const beforeBytes = jpeg(20_000);
    const afterBytes = pngImage(60, 40);
    platform.putContent(before, beforeBytes, 'image/jpeg');
    platform.putContent(after, afterBytes, 'image/png');
    platform.putContent(refused, Buffer.from('%PDF-1.7'), 'application/pdf');
    platform.putContent(draft, jpeg(100), 'image/jpeg');
    for (const [id, q, who] of [
      [before, 'photoBefore', 'P010'],
      [after, 'photoAfter', 'P010'],
      [refused, 'photoAfter', 'P010'],
      [draft, 'photoBefore', 'P011'],
    ] as const) {
      await pending('F5', id, who);
      await m().collection('surveys').doc('F5').collection('photos').doc(id).update({ questionId: q });
      await run('F5', id);
    }
    expect((await photo('F5', refused))?.status).toBe('refused');
    // the response as the chat stores a named one; P011 only has a draft, so their photo is not HR's yet
    await m()
      .collection('surveys')
      .doc('F5')
      .collection('responses')
      .doc('P010')
      .set({
        surveyId: 'F5',
        answers: {
          photoBefore: { type: 'photos', photos: [{ messageId: before }] },
          photoAfter: { type: 'photos', photos: [{ messageId: after }, { messageId: refused }] },
        },
        divisionId: 'finance',
        staffType: 'municipalEmployee',
        submittedOn: '2026-12-01',
        employeeId: 'P010',
      });

    const results = await get('F5/results', hr);
    expect(results.status).toBe(200);
    expect(((await results.json()) as { photos: unknown }).photos).toEqual([
      {
        questionId: 'photoBefore',
        messageId: before,
        name: 'นายสมชาย ใจดี',
        divisionName: 'กองคลัง',
        submittedOn: '2026-12-01',
      },
      {
        questionId: 'photoAfter',
        messageId: after,
        name: 'นายสมชาย ใจดี',
        divisionName: 'กองคลัง',
        submittedOn: '2026-12-01',
      },
    ]);

    for (const [id, bytes, type] of [
      [before, beforeBytes, 'image/jpeg'],
      [after, afterBytes, 'image/png'],
    ] as const) {
      const res = await get(`F5/photos/${id}`, hr);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    }

    const thai = /[\u0E00-\u0E7F]/;
    const refusedMessage = async (res: Response, status: number) => {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { message: string };
      expect(body.message).toMatch(thai);
      return body.message;
    };
    await refusedMessage(await get(`F5/photos/${before}`, staff), 403);
    await refusedMessage(await get(`F5/photos/${before}`, drafter), 403);
    expect(await refusedMessage(await get(`F5/photos/${refused}`, hr), 404)).toContain('ไม่ได้เก็บรูปนี้');
    await refusedMessage(await get(`F5/photos/${draft}`, hr), 404);
    await refusedMessage(await get(`F5/photos/${messageId()}`, hr), 404);
    await refusedMessage(await get('F5/photos/__name__', hr), 404);
    await refusedMessage(await get(`F5/photos/${'9'.repeat(1501)}`, hr), 404);
    await refusedMessage(await get(`no%20such!/photos/${before}`, hr), 404);
    // a photo of another survey is not this one's, even by its id
    await refusedMessage(await get(`A5/photos/${before}`, hr), 404);

    // an anonymous survey shows none, even if a photo record and its bytes were somehow there
    const anon = messageId();
    const anonPath = `municipalities/${DEMO_MUNICIPALITY_ID}/surveys/A5/photos/${anon}`;
    await sys.storage.media.put(anonPath, jpeg(50), 'image/jpeg');
    await m()
      .collection('surveys')
      .doc('A5')
      .collection('photos')
      .doc(anon)
      .set({ status: 'stored', employeeId: 'P010', questionId: 'photoBefore', storagePath: anonPath });
    await m()
      .collection('surveys')
      .doc('A5')
      .collection('responses')
      .doc('P010')
      .set({
        surveyId: 'A5',
        answers: { photoBefore: { type: 'photos', photos: [{ messageId: anon }] } },
        divisionId: 'finance',
        employeeId: 'P010',
      });
    await refusedMessage(await get(`A5/photos/${anon}`, hr), 404);
    const anonResults = await get('A5/results', hr);
    expect(anonResults.status).toBe(200);
    expect(((await anonResults.json()) as { photos: unknown }).photos).toEqual([]);
  });
});
