import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { useSystem } from '../support/system';

const liff = liffInBrowser('liff-message-budget');
const sys = useSystem({ liffOrigins: liff.origins });

// HR's dashboard card of this month's LINE messages, against the real bot, emulator and the fake LINE
// platform's quota: used / limit, the forecast, what was held back, and the banner that tells HR.
describeBrowser('LIFF: LINE message quota card', () => {
  liff.use(sys);

  it('shows used / limit, the forecast and what was held back, at phone width', async () => {
    const m = sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    await m.set({ id: DEMO_MUNICIPALITY_ID, name: 'เทศบาลตำบลทดสอบ', divisions: [] });
    const hr = await sys.linkedUser({ employeeId: 'H001', name: 'นางสาวฝ่าย บุคคล', roles: ['staff', 'hr'] });
    const { bot, platform } = await sys.start();
    platform.setQuota({ type: 'limited', value: 200 });
    const someone = sys.newUserId();
    platform.setFollowing(someone, true);
    const push = (priority: 'essential' | 'optional') =>
      bot.line.push(someone, [{ type: 'text', text: 'x' }], randomUUID(), {
        priority,
        purpose: 'dailyDigest',
      });
    for (let i = 0; i < 185; i++) await push('essential');
    // 15 left of 200, 20 kept for essential messages: an optional one is held back
    await expect(push('optional')).rejects.toMatchObject({ name: 'MessageHeldBackError' });

    await liff.page.setViewportSize({ width: 360, height: 800 });
    await liff.page.goto(`${liff.url}/hr?sim_user=${hr}`);
    const card = liff.page.getByRole('region', { name: /ข้อความ LINE เดือน/ });
    await card.waitFor();
    // HR was told in LINE when the optional one was held back: that push is counted like any other
    expect(await card.locator('.budget-used').textContent()).toBe('ใช้ไป 186 จาก 200 ข้อความ');
    expect(platform.quotaUsed()).toBe(186);
    expect(await card.getByRole('alert').textContent()).toContain('โควตาข้อความเหลือน้อย');
    expect(await card.textContent()).toContain('คงเหลือ14 ข้อความ');
    expect(await card.textContent()).toContain('เก็บโควตาไว้ให้ข้อความสำคัญ 1 รายการ');
    expect(await card.textContent()).toContain('คาดว่าจะใช้ถึงสิ้นเดือน');
    expect(await card.locator('.budget-held li').first().textContent()).toContain('สรุปงานประจำวัน · 1 คน');
    expect(await card.getByRole('img').getAttribute('aria-label')).toBe('ใช้ไปแล้วร้อยละ 93');
    // the card fits the phone: nothing scrolls sideways
    const overflow = await liff.page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
    expect(overflow).toBe(false);
    expect(liff.pageErrors).toEqual([]);
  });

  it('stays away for executives, who see the dashboard without it', async () => {
    const exec = await sys.linkedUser({ employeeId: 'E001', name: 'นายก ทดสอบ', roles: ['executive'] });
    await liff.page.goto(`${liff.url}/hr?sim_user=${exec}`);
    await liff.page.getByRole('heading', { name: 'ตัวชี้วัดตามแผนพัฒนาบุคลากร' }).waitFor();
    expect(await liff.page.getByRole('region', { name: /ข้อความ LINE เดือน/ }).count()).toBe(0);
  });
});
