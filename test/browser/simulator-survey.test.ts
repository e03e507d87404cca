import { silentLogger } from '@phattana/bot';
import { consentRecord, surveyPersonKey } from '@phattana/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localBotConfig } from '../../dev/src/dev-settings';
import { type LocalBot, startLocalBot } from '../../dev/src/local-bot';
import { DEMO_MUNICIPALITY_ID, demoLineUserId } from '../../dev/src/seed/demo-municipality';
import { demoSurveyIds } from '../../dev/src/seed/demo-surveys';
import { seedDemo } from '../../dev/src/seed/seed';
import { dailyJobsAction } from '../../dev/src/simulator/daily-jobs-action';
import { type SimulatorStack, startSimulatorStack } from '../../dev/src/simulator/stack';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';
import { useTestFirestore } from '../support/firestore';

// What `npm start` shows: the demo seed's surveys, the simulator's "⏰ งานเช้า 09:00" button sending the
// invitations, and a demo employee (E010, กองคลัง) answering the training-needs survey by tapping quick
// replies, leaving, and coming back to it from the menu. Chromium → simulator → signed webhooks → the
// real bot → the Firestore emulator. A fixed working day, so the scheduler is not quiet at weekends.

const TODAY = '2026-12-02';
const NOW = new Date(`${TODAY}T10:00:00+07:00`);
const USER = { userId: demoLineUserId('E010'), displayName: 'นางสาวจิราพร สายทอง', note: 'กองคลัง' };
const fs = useTestFirestore();
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
          config: localBotConfig({ channelSecret, channelAccessToken, lineBase: platform.url }),
        });
        return bot;
      },
    });
    stack.platform.setFollowing(USER.userId, true);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(stack.simulatorUrl);
    await page.getByTestId('user-picker').selectOption(USER.userId);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const said = (text: string) => page.getByTestId('bubble-bot').filter({ hasText: text }).last().waitFor();
  const send = async (text: string) => {
    await page.getByTestId('message-input').fill(text);
    await page.getByTestId('send-button').click();
  };
  const chip = (label: string | RegExp) =>
    page.getByTestId('quick-reply').filter({ hasText: label }).first().click();

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
    await page.getByRole('button', { name: 'ส่งแบบสำรวจ' }).click();
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
});
