import type { Locator, Page } from 'playwright-core';

/** The width the LIFF pages are checked at: a small Android phone. */
export const PHONE = { width: 360, height: 740 } as const;

/**
 * What would stop someone reading the page on a phone: the page scrolling sideways, text smaller than
 * `minPx` CSS pixels, or text cut off at the screen's edge (outside a container that scrolls on purpose,
 * such as a wide table). Returns one Thai-free line per problem; [] when there is none.
 */
export async function readabilityProblems(page: Page, minPx = 14): Promise<string[]> {
  // a string, so this file needs no DOM types
  return page.evaluate(`(${PROBLEMS})(${JSON.stringify(minPx)})`) as Promise<string[]>;
}

const PROBLEMS = `(min) => {
  const problems = [];
  const root = document.documentElement;
  const vw = root.clientWidth;
  if (root.scrollWidth > vw) problems.push('page scrolls sideways: ' + root.scrollWidth + ' > ' + vw);
  const scrollsOnPurpose = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || '').trim();
    const el = n.parentElement;
    if (!text || !el || el.closest('.visually-hidden, option, script, style')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    const size = Number.parseFloat(style.fontSize);
    if (size < min) problems.push(size + 'px text: "' + text.slice(0, 40) + '"');
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width > 0 && (r.right > vw + 1 || r.left < -1) && !scrollsOnPurpose(el))
      problems.push('cut at the edge (' + Math.round(r.left) + '-' + Math.round(r.right) + ' of ' + vw + '): "' + text.slice(0, 40) + '"');
  }
  return problems;
}`;

/** Whether two elements' boxes overlap (by more than a pixel). */
export async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [ra, rb] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!ra || !rb) throw new Error('not both on screen');
  return (
    ra.x + ra.width > rb.x + 1 &&
    rb.x + rb.width > ra.x + 1 &&
    ra.y + ra.height > rb.y + 1 &&
    rb.y + rb.height > ra.y + 1
  );
}
