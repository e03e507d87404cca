import type { Page } from 'playwright-core';

/** Picks an ISO date in the LIFF app's Thai date picker (day, month, พ.ศ. year) labelled `label`. */
export async function pickThaiDate(page: Page, label: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  const group = page.getByRole('group', { name: label, exact: true });
  await group.getByLabel('วัน', { exact: true }).selectOption(String(Number(d)));
  await group.getByLabel('เดือน', { exact: true }).selectOption(String(Number(m)));
  await group.getByLabel('ปี', { exact: true }).selectOption(String(y));
}
