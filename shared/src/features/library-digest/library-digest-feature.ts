import type { ChatFeature } from '../../conversation/feature';
import type { Flow } from '../../conversation/flow';
import { text } from '../../conversation/reply';
import { DIGEST_OFF_WORD, DIGEST_ON_WORD } from '../../library/library-digest';
import type { LibraryDigestChoiceEffect } from './library-digest-edge';

// "ไม่รับสรุปรายสัปดาห์" (the digest message's quick reply) is answered at once; "รับสรุปรายสัปดาห์" starts
// a one-turn flow that turns it back on. The same choice is a switch on the LIFF library page.

export interface LibraryDigestState {
  readonly flow: 'libraryDigest';
}

const choice = (digest: boolean) => (_now: Date, ctx: { person?: { employeeId: string } }) => {
  if (!ctx.person)
    return {
      replies: [text('กรุณาลงทะเบียนเชื่อมบัญชีกับข้อมูลพนักงานก่อนค่ะ')],
      effects: [] as LibraryDigestChoiceEffect[],
    };
  return {
    replies: [
      text(
        digest
          ? 'เปิดรับสรุปคลังความรู้รายสัปดาห์แล้ว ท่านจะได้รับข้อความสัปดาห์ละไม่เกิน 1 ครั้ง เมื่อเพื่อนร่วมกองแบ่งปันความรู้ใหม่'
          : `หยุดส่งสรุปคลังความรู้รายสัปดาห์ให้ท่านแล้ว ยังอ่านได้ในคลังความรู้ทุกเมื่อ\nหากต้องการรับอีกครั้ง พิมพ์ "${DIGEST_ON_WORD}"`,
      ),
    ],
    effects: [
      { type: 'libraryDigestChoice', employeeId: ctx.person.employeeId, digest },
    ] as LibraryDigestChoiceEffect[],
  };
};

const off = choice(false);
const on = choice(true);

const flow: Flow<LibraryDigestState, LibraryDigestChoiceEffect> = {
  id: 'libraryDigest',
  title: 'สรุปคลังความรู้รายสัปดาห์',
  needsPerson: true,
  start: (now, ctx) => ({ state: null, ...on(now, ctx) }),
  step: (_state, _event, now, ctx) => ({ state: null, ...on(now, ctx) }),
  prompt: () => [],
};

export const libraryDigestFeature: ChatFeature<LibraryDigestState, LibraryDigestChoiceEffect> = {
  flow,
  startWords: [DIGEST_ON_WORD],
  instant: { words: new Set([DIGEST_OFF_WORD]), answer: off },
};
