import { type PostbackSigner, step, type TurnContext, type WorkingDayCalendar } from '@phattana/shared';
import { renderMessages } from '../line/render-messages';

/**
 * What an instance can do at start instead of in its first webhooks: read the holiday calendar (the
 * first Firestore round trip), commit an empty batch (the write path's first round trip: its RPC and
 * message encoders set up, nothing written) and run a few turns in memory, so V8 has compiled the
 * chat's hot paths (step, the flows, the renderer) before a person waits on them. Writes nothing,
 * sends nothing.
 */
export async function warmUp(d: {
  calendar: () => Promise<WorkingDayCalendar>;
  /** a commit that writes nothing */
  emptyCommit?: () => Promise<unknown>;
  signer: PostbackSigner;
  privacy: TurnContext['privacy'];
  now: Date;
}): Promise<{ turns: number }> {
  const [calendar] = await Promise.all([d.calendar(), d.emptyCommit?.()]);
  const ctx: TurnContext = {
    privacy: d.privacy,
    calendar,
    person: { employeeId: 'warm-up', name: 'warm-up', roles: ['staff'] },
  };
  const words = ['แจ้งอบรมภายนอก', 'การอบรมทดลอง', 'หน่วยงานทดลอง', 'เมนู', 'ยกเลิก', 'สวัสดี'];
  let turns = 0;
  for (let round = 0; round < 20; round++) {
    let state: ReturnType<typeof step>['state'] | undefined;
    for (const text of words) {
      const r = step(state, { kind: 'text', text }, d.now, ctx);
      renderMessages(r.replies, { signer: d.signer, now: d.now });
      state = r.state;
      turns++;
    }
  }
  return { turns };
}
