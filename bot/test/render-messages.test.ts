import type { messagingApi } from '@line/bot-sdk';
import { type Action, decodePostback, graphemeLength, type Reply } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { createHmacPostbackSigner } from '../src/line/hmac-postback-signer';
import { LINE_LIMITS } from '../src/line/line-limits';
import { batches, renderMessages } from '../src/line/render-messages';
import { checkReportPhotoToken, reportPhotoLinker } from '../src/reports/report-photo-link';

const signer = createHmacPostbackSigner('a-test-secret-of-enough-length');
const now = new Date('2026-11-23T03:00:00Z');
const render = (replies: Reply[], trims: string[] = []) =>
  renderMessages(replies, { signer, now, onTrim: (w) => trims.push(w) });

const quickLabels = (m: messagingApi.Message | undefined) =>
  (m?.quickReply?.items ?? []).map((i) => (i.action as { label: string }).label);

describe('renderMessages enforces LINE limits in one place', () => {
  it('cuts quick reply labels to 20 grapheme clusters, counting Thai marks with their letter', () => {
    const trims: string[] = [];
    const thai20 = 'ที่'.repeat(20); // 60 UTF-16 units, 20 graphemes: fits
    const tooLong = 'ก'.repeat(21);
    const [m] = render(
      [
        {
          kind: 'text',
          text: 'x',
          quickReplies: [
            { type: 'message', label: thai20, text: 'a' },
            { type: 'message', label: tooLong, text: 'b' },
          ],
        },
      ],
      trims,
    );
    const [a, b] = quickLabels(m);
    expect(a).toBe(thai20);
    expect(graphemeLength(b as string)).toBe(20);
    expect(trims).toHaveLength(1);
  });

  it('keeps at most 13 quick replies', () => {
    const many: Action[] = Array.from({ length: 16 }, (_, i) => ({
      type: 'message',
      label: `ข้อ ${i}`,
      text: `${i}`,
    }));
    const [m] = render([{ kind: 'text', text: 'เลือก', quickReplies: many }]);
    expect(quickLabels(m)).toHaveLength(LINE_LIMITS.quickReplyItems);
  });

  it('merges plain texts so a reply never needs more than five messages when it can be avoided', () => {
    const replies: Reply[] = Array.from({ length: 7 }, (_, i) => ({ kind: 'text', text: `บรรทัด ${i}` }));
    const out = render(replies);
    expect(out.length).toBeLessThanOrEqual(5);
    expect(out.map((m) => (m as messagingApi.TextMessage).text).join('\n\n')).toBe(
      replies.map((r) => (r as { text: string }).text).join('\n\n'),
    );
  });

  it('splits text over 5000 UTF-16 units into several messages, quick replies on the last', () => {
    const long = `${'ก'.repeat(4000)}\n${'ข'.repeat(4000)}`;
    const out = render([
      { kind: 'text', text: long, quickReplies: [{ type: 'message', label: 'ok', text: 'ok' }] },
    ]);
    expect(out).toHaveLength(2);
    for (const m of out) expect((m as messagingApi.TextMessage).text.length).toBeLessThanOrEqual(5000);
    expect(out[0]?.quickReply).toBeUndefined();
    expect(quickLabels(out[1])).toEqual(['ok']);
  });

  it('signs postback data so it round-trips and stays within 300 characters', () => {
    const [m] = render([
      {
        kind: 'card',
        title: 'สรุป',
        fields: [{ label: 'ชื่อ', value: 'การเขียนหนังสือราชการ' }],
        actions: [{ type: 'postback', label: 'ส่ง', data: { a: 'xt.confirm' }, displayText: 'ส่ง' }],
      },
    ]);
    expect(m?.type).toBe('flex');
    const footer = ((m as messagingApi.FlexMessage).contents as messagingApi.FlexBubble).footer;
    const button = footer?.contents[0] as messagingApi.FlexButton;
    const data = (button.action as messagingApi.PostbackAction).data as string;
    expect(data.length).toBeLessThanOrEqual(LINE_LIMITS.postbackData);
    expect(decodePostback(data, signer, now)).toEqual({ ok: true, payload: { a: 'xt.confirm' } });
  });

  it("puts each field's question above its answer, full width (no narrow column that wraps)", () => {
    const [m] = render([
      {
        kind: 'card',
        title: 'ตรวจสอบคำตอบก่อนส่ง',
        fields: [{ label: 'ท่านนำความรู้ที่ได้ไปใช้ในงานอย่างไร', value: 'ใช้ตรวจร่างหนังสือ' }],
        actions: [],
      },
    ]);
    const body = ((m as messagingApi.FlexMessage).contents as messagingApi.FlexBubble).body!;
    const field = body.contents.find((c) => c.type === 'box') as messagingApi.FlexBox;
    expect(field.layout).toBe('vertical');
    expect(
      field.contents.map((c) => [(c as messagingApi.FlexText).text, (c as messagingApi.FlexText).flex]),
    ).toEqual([
      ['ท่านนำความรู้ที่ได้ไปใช้ในงานอย่างไร', undefined],
      ['ใช้ตรวจร่างหนังสือ', undefined],
    ]);
  });

  it('falls back to text when a card would exceed the 30 KB Flex bubble limit', () => {
    const fields = Array.from({ length: 200 }, (_, i) => ({ label: `ข้อ ${i}`, value: 'ข้อมูล'.repeat(20) }));
    const trims: string[] = [];
    const out = render([{ kind: 'card', title: 'ใหญ่', fields, actions: [] }], trims);
    expect(out.every((m) => m.type === 'text')).toBe(true);
    expect(trims.some((t) => t.includes('flex bubble'))).toBe(true);
  });

  it("shows a card's pictures small at signed addresses, none where the bot has no public address, none too long", () => {
    const card: Reply = {
      kind: 'card',
      title: 'รายงานผลการฝึกอบรม รอท่านพิจารณา',
      thumbnails: [
        { reportId: 'TC1__R010', messageId: '5001' },
        { reportId: 'TC1__R010', messageId: '5002' },
      ],
      actions: [],
    };
    const images = (m: messagingApi.Message | undefined) =>
      [...JSON.stringify(m).matchAll(/"type":"image","url":"([^"]+)"/g)].map((x) => x[1] as string);
    const link = reportPhotoLinker(signer, 'demo', () => 'https://bot.example.go.th/');
    const [withBase] = renderMessages([card], { signer, now, mediaUrl: link });
    const urls = images(withBase);
    expect(urls).toHaveLength(2);
    for (const [i, url] of urls.entries()) {
      expect(url.startsWith('https://bot.example.go.th/media/report-photos/')).toBe(true);
      const check = checkReportPhotoToken(signer, url.split('/').at(-1) as string, now);
      expect(check).toEqual({
        ok: true,
        municipalityId: 'demo',
        ref: card.kind === 'card' ? card.thumbnails?.[i] : undefined,
      });
    }
    expect(images(renderMessages([card], { signer, now })[0])).toEqual([]);
    const [noBase] = renderMessages([card], {
      signer,
      now,
      mediaUrl: reportPhotoLinker(signer, 'demo', () => undefined),
    });
    expect(images(noBase)).toEqual([]);
    const long = reportPhotoLinker(signer, 'demo', () => `https://bot.example.go.th/${'x'.repeat(2000)}`);
    expect(images(renderMessages([card], { signer, now, mediaUrl: long })[0])).toEqual([]);
  });

  it('batches messages into requests of five', () => {
    const msgs = Array.from({ length: 12 }, (): messagingApi.Message => ({ type: 'text', text: 'x' }));
    expect(batches(msgs).map((b) => b.length)).toEqual([5, 5, 2]);
  });
});
