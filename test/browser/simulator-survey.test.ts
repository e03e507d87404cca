import { silentLogger } from '@phattana/bot';
import { consentRecord, surveyPersonKey } from '@phattana/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countedSurveyData } from '../../bot/src/surveys/survey-counters';
import { localBotConfig } from '../../dev/src/dev-settings';
import { type LocalBot, startLocalBot } from '../../dev/src/local-bot';
import { DEMO_MUNICIPALITY_ID, demoLineUserId } from '../../dev/src/seed/demo-municipality';
import { demoSurveyIds } from '../../dev/src/seed/demo-surveys';
import { seedDemo } from '../../dev/src/seed/seed';
import { dailyJobsAction } from '../../dev/src/simulator/daily-jobs-action';
import { type SimulatorStack, startSimulatorStack } from '../../dev/src/simulator/stack';
import { describeBrowser, type LaunchedBrowser } from '../support/browser';
import { useTestFirestore } from '../support/firestore';
import { openSimulatorAs, simulatorChat } from '../support/simulator-chat';
import { useTestStorage } from '../support/storage';

// What `npm start` shows: the demo seed's surveys, the simulator's "⏰ งานเช้า 09:00" button sending the
// invitations, and a demo employee (E010, กองคลัง) answering the training-needs survey by tapping quick
// replies, leaving, and coming back to it from the menu; then the anonymous satisfaction poll, and the
// finance division's 5ส day checked in with photos sent through the simulator's image input (copied to
// the Storage emulator). Chromium → simulator → signed webhooks → the real bot → the Firestore emulator.
// A fixed working day, so the scheduler is not quiet at weekends.

const TODAY = '2026-12-02';
const NOW = new Date(`${TODAY}T10:00:00+07:00`);
const USER = { userId: demoLineUserId('E010'), displayName: 'นางสาวจิราพร สายทอง', note: 'กองคลัง' };
const fs = useTestFirestore();
const storage = useTestStorage();
const ids = demoSurveyIds(TODAY);

describeBrowser('a survey in the LINE simulator', () => {
  let stack: SimulatorStack;
  let bot: LocalBot | undefined;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await seedDemo(fs.db, NOW);
    // E010 registered earlier (registration itself is tested elsewhere)
    const m = fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    await m
      .collection('employees')
      .doc('E010')
      .set({ lineUserId: USER.userId, lineFollowing: true }, { merge: true });
    await fs.db
      .collection('conversations')
      .doc(USER.userId)
      .set({
        person: { employeeId: 'E010', name: USER.displayName, roles: ['staff'] },
        consent: consentRecord('granted', NOW),
      });
    stack = await startSimulatorStack({
      demoUsers: [USER],
      devActions: [
        dailyJobsAction(
          () => bot,
          () => TODAY,
        ),
      ],
      startBot: async ({ platform, channelSecret, channelAccessToken }) => {
        bot = await startLocalBot({
          db: fs.db,
          clock: () => NOW,
          logger: silentLogger,
          media: storage.media,
          config: localBotConfig({ channelSecret, channelAccessToken, lineBase: platform.url }),
        });
        return bot;
      },
    });
    ({ browser, page } = await openSimulatorAs(stack, USER.userId, pageErrors));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const { botSaid: said, send, chip } = simulatorChat(() => page);

  it('gets the invitation from the morning button, answers with quick replies, leaves and resumes', async () => {
    await page.getByTestId('dev-action-daily-jobs').click();
    const title = 'แบบสำรวจความต้องการพัฒนา/ฝึกอบรม ปีงบประมาณ พ.ศ. 2570';
    const invitation = page.getByTestId('bubble-bot').filter({ hasText: title }).last();
    await invitation.waitFor();
    // the finance division's 5ส day and the anonymous poll are invited too
    await said('เช็กอินกิจกรรม 5ส');
    await said('แบบสำรวจความพึงพอใจ');

    await invitation.getByRole('button', { name: 'เริ่มตอบแบบสำรวจ' }).click();
    await said('ข้อ 1/');
    await chip(/^\s*1\. การบริหาร/);
    await said('เลือกแล้ว 1 ข้อ');
    await chip(/^\s*4\. การเงิน/);
    await said('เลือกแล้ว 2 ข้อ: 1, 4');
    await chip('เสร็จ');
    await said('สมรรถนะที่ท่านต้องการพัฒนามากที่สุด');
    // the seed gave E010 (กองคลัง) functional competencies; they are offered after the core five
    await said('6. ความถูกต้องของงาน');

    // leaves halfway
    await send('ยกเลิก');
    await said('ยกเลิก "ตอบแบบสำรวจ" แล้ว');

    // comes back from the menu's "แบบสำรวจ": the list marks it started; the answers are all there
    await chip('แบบสำรวจ');
    await said('ตอบค้างไว้');
    await chip(/^\s*\d\. แบบสำรวจความต/);
    await said('ต่อจากข้อที่ค้างไว้ (ตอบแล้ว 1 ข้อ');
    await said('สมรรถนะที่ท่านต้องการพัฒนามากที่สุด');
    await chip(/^\s*2\. /);
    await said('เลือกแล้ว 1 ข้อ: 2');
    await chip(/^\s*6\. /);
    await said('เลือกแล้ว 2 ข้อ: 2, 6');
    await chip('เสร็จ');
    await said('วิธีการพัฒนาที่ท่านต้องการ');
    await chip('ฝึกอบรม');
    await said('เลือกแล้ว 1 ข้อ');
    await chip('เสร็จ');
    await said('ช่วงเวลาที่ท่านสะดวก');
    await chip(/ในเวลาราชการ/);
    await said('ข้อเสนอแนะอื่น ๆ');
    await chip('ข้าม');
    await said('ตรวจสอบคำตอบก่อนส่ง');
    await page.getByRole('button', { name: 'ส่งแบบสำรวจ' }).last().click();
    await said(`ส่งแบบสำรวจ "${title}" แล้ว`);

    const m = fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    const response = await m
      .collection('surveys')
      .doc(ids.trainingNeeds)
      .collection('responses')
      .doc('E010')
      .get();
    expect(response.get('answers')).toEqual({
      categories: { type: 'choices', choiceIds: ['management', 'finance'] },
      competencies: { type: 'competencies', competencyIds: ['integrity', 'accuracy'] },
      methods: { type: 'choices', choiceIds: ['training'] },
      time: { type: 'choice', choiceId: 'officeHours' },
      suggestions: { type: 'skipped' },
    });
    const key = surveyPersonKey(ids.trainingNeeds, 'E010');
    expect((await m.collection('surveyCompletions').doc(key).get()).exists).toBe(true);
    expect((await m.collection('surveyDrafts').doc(key).get()).exists).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('answers the anonymous satisfaction poll: stored with the division only, counted once', async () => {
    const title = 'แบบสำรวจความพึงพอใจในการปฏิบัติงาน ปีงบประมาณ พ.ศ. 2570';
    await chip('แบบสำรวจ');
    await said('แบบสำรวจที่รอท่านตอบ 2 เรื่อง');
    await chip(/^\s*\d\. แบบสำรวจความพึงพอใ/);
    await said('ข้อ 1/9');
    // a number out of range is refused in Thai and the question asked again
    await send('6');
    await said('"6" อยู่นอกช่วง');
    const likert = [5, 4, 4, 3, 5, 4, 2, 4] as const;
    const labels = ['', 'ไม่พึงพอใจอย่างยิ่ง', 'ไม่พึงพอใจ', 'ปานกลาง', 'พึงพอใจ', 'พึงพอใจอย่างยิ่ง'];
    for (const [n, v] of likert.entries()) {
      await said(`ข้อ ${n + 1}/9`);
      await chip(new RegExp(`^\\s*${v} ${labels[v]}$`));
    }
    await said('ข้อ 9/9 (ไม่บังคับ)');
    await send('อยากให้มีห้องพักพนักงาน');
    await said('ตรวจสอบคำตอบก่อนส่ง');
    await said('ไม่ระบุตัวตน');
    await page.getByRole('button', { name: 'ส่งแบบสำรวจ' }).last().click();
    await said(`ส่งแบบสำรวจ "${title}" แล้ว`);
    await said('คำตอบของท่านถูกเก็บแบบไม่ระบุตัวตน');

    const m = fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    const survey = m.collection('surveys').doc(ids.satisfaction);
    const responses = await survey.collection('responses').get();
    expect(responses.size).toBe(1);
    const [response] = responses.docs;
    expect(response?.id).not.toContain('E010');
    // nothing that leads back to the person: no employee id, LINE id, staff type or date
    expect(response?.data()).toEqual({
      surveyId: ids.satisfaction,
      divisionId: 'finance',
      answers: {
        environment: { type: 'likert', value: 5 },
        tools: { type: 'likert', value: 4 },
        safety: { type: 'likert', value: 4 },
        welfare: { type: 'likert', value: 3 },
        communication: { type: 'likert', value: 5 },
        fairness: { type: 'likert', value: 4 },
        development: { type: 'likert', value: 2 },
        overall: { type: 'likert', value: 4 },
        comments: { type: 'text', value: 'อยากให้มีห้องพักพนักงาน' },
      },
    });
    const after = await countedSurveyData(await survey.get());
    expect(after.responseCount).toBe(1);
    expect(after.responsesByDivision).toEqual({ finance: 1 });
    // who answered is a separate record (reminders, response rates)
    const key = surveyPersonKey(ids.satisfaction, 'E010');
    expect((await m.collection('surveyCompletions').doc(key).get()).exists).toBe(true);
    expect((await m.collection('surveyDrafts').doc(key).get()).exists).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it("checks in to the finance division's 5ส day with photos from the image input", async () => {
    const title = 'เช็กอินกิจกรรม 5ส วันที่ 2 ธันวาคม 2569';
    // the invitation card, not the menu's list that names the survey too
    const start = page.getByRole('button', { name: 'เริ่มตอบแบบสำรวจ' });
    const invitation = page
      .getByTestId('bubble-bot')
      .filter({ hasText: title })
      .filter({ has: start })
      .last();
    await invitation.getByRole('button', { name: 'เริ่มตอบแบบสำรวจ' }).click();
    await said('ข้อ 1/4');
    await said('ส่งรูปพื้นที่ "ก่อน" ทำกิจกรรม 5ส');
    const photo = (name: string) =>
      page.getByTestId('image-input').setInputFiles({ name, mimeType: 'image/png', buffer: PNG });
    await photo('before.png');
    await said('ได้รับรูปที่ 1 แล้ว');
    await said('แนบแล้ว 1/3 รูป');
    await chip('เสร็จ');
    await said('ข้อ 2/4');
    await photo('after.png');
    await said(/ข้อ 2\/4[\s\S]*แนบแล้ว 1\/3 รูป/);
    await chip('เสร็จ');
    await said('ข้อ 3/4 (ไม่บังคับ)');
    await send('ห้องเก็บเอกสารกองคลัง');
    await said('ข้อ 4/4');
    await chip(/^\s*5 มากที่สุด$/);
    await said('ตรวจสอบคำตอบก่อนส่ง');
    await page.getByRole('button', { name: 'ส่งแบบสำรวจ' }).last().click();
    await said(`ส่งแบบสำรวจ "${title}" แล้ว`);

    const m = fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    const survey = m.collection('surveys').doc(ids.fiveS);
    const response = await survey.collection('responses').doc('E010').get();
    const answers = response.get('answers');
    expect(response.get('divisionId')).toBe('finance');
    expect(answers.area).toEqual({ type: 'text', value: 'ห้องเก็บเอกสารกองคลัง' });
    expect(answers.satisfaction).toEqual({ type: 'likert', value: 5 });
    const photoIds = (a: { photos: { messageId: string }[] }) => a.photos.map((p) => p.messageId);
    const before = photoIds(answers.photoBefore);
    const afterIds = photoIds(answers.photoAfter);
    expect([before.length, afterIds.length]).toEqual([1, 1]);
    expect(before[0]).not.toBe(afterIds[0]);
    // participation is counted for the person's division, against the division's audience
    const counted = await countedSurveyData(await survey.get());
    expect(counted.responseCount).toBe(1);
    expect(counted.responsesByDivision).toEqual({ finance: 1 });
    expect(counted.audienceByDivision).toEqual({ finance: 6 });
    // the photos were copied out of LINE into Cloud Storage
    await bot?.drain();
    for (const id of [...before, ...afterIds]) {
      const record = await survey.collection('photos').doc(id).get();
      expect(record.get('status')).toBe('stored');
      expect(record.get('employeeId')).toBe('E010');
      const stored = await storage.media.get(record.get('storagePath'));
      expect(stored?.bytes.equals(PNG)).toBe(true);
    }
    expect(pageErrors).toEqual([]);
  });
});

// 1x1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
