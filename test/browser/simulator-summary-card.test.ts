import { createHmacPostbackSigner, renderMessages } from '@phattana/bot';
import type { Reply } from '@phattana/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SimulatorStack, startSimulatorStack } from '../../dev/src/simulator/stack';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';

const USER = { userId: 'U0001ffffffffffffffffffffffffffff', displayName: 'นางสาวทดสอบ อ่านง่าย' };

// The summary card before sending a report or a survey, on a 360 px phone: each question sits above its
// answer at the bubble's full width, so a Thai question takes one or two lines, not four or five.
describeBrowser('the summary card at 360 px', () => {
  let stack: SimulatorStack;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    stack = await startSimulatorStack({ demoUsers: [USER] });
    browser = await launchBrowser({ viewport: { width: 360, height: 740 } });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows every question on at most two lines, above its answer', async () => {
    const card: Reply = {
      kind: 'card',
      title: 'ตรวจสอบคำตอบก่อนส่ง',
      lines: ['แบบสำรวจความต้องการพัฒนา/ฝึกอบรม ปีงบประมาณ พ.ศ. 2570'],
      fields: [
        { label: 'หัวข้อที่ท่านต้องการพัฒนา (เลือกได้หลายข้อ)', value: 'การบริหารงานบุคคล, การเงินการคลัง' },
        { label: 'สมรรถนะที่ท่านต้องการพัฒนามากที่สุด', value: 'ความถูกต้องของงาน' },
        { label: 'ความเป็นประโยชน์', value: '5/5 (มากที่สุด)' },
      ],
      actions: [{ type: 'postback', label: 'ส่งแบบสำรวจ', data: { a: 'sv.submit' }, displayText: 'ส่ง' }],
    };
    const messages = renderMessages([card], {
      signer: createHmacPostbackSigner('summary-card-test-secret-0123456789'),
      now: new Date(),
    });
    stack.platform.setFollowing(USER.userId, true);
    const res = await fetch(`${stack.platform.url}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.channelAccessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: USER.userId, messages }),
    });
    expect(res.status).toBe(200);

    const page = await browser.context.newPage();
    await page.goto(`${stack.simulatorUrl}?userId=${USER.userId}`);
    const bubble = page.getByTestId('bubble-bot').filter({ hasText: 'ตรวจสอบคำตอบก่อนส่ง' });
    await bubble.waitFor();
    // a short question ("ความเป็นประโยชน์") is one line: the yardstick for the long ones
    const oneLine = (await bubble.getByText('ความเป็นประโยชน์', { exact: true }).boundingBox())!.height;
    for (const f of card.fields!) {
      const label = bubble.getByText(f.label, { exact: true });
      const value = bubble.getByText(f.value, { exact: true });
      const [l, v] = [await label.boundingBox(), await value.boundingBox()];
      expect(Math.round(l!.height / oneLine), f.label).toBeLessThanOrEqual(2);
      expect(v!.y, `${f.label}: the answer is below the question`).toBeGreaterThanOrEqual(
        l!.y + l!.height - 1,
      );
    }
  });
});
