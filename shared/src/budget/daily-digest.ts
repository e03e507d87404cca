import type { Reply } from '../conversation/reply';
import type { MessagePriority } from './message-budget';

// The morning digest: everything the daily jobs would push one person that day goes in ONE push (LINE
// counts a request per recipient, not its bubbles). A push holds at most five messages; when the day's
// items need more, the first items keep their own cards and the rest are listed in one closing text.

export interface DigestItem {
  /** the once-only key of the item (a reminder, an invitation, …) */
  readonly key: string;
  readonly replies: readonly Reply[];
  readonly priority: MessagePriority;
}

const MESSAGES_PER_PUSH = 5;

/** One line that says what a reply is about (a card's alt text, a text's first line). */
export function replyHeadline(r: Reply): string {
  if (r.kind === 'card') return r.altText ?? r.title;
  if (r.kind === 'text') return r.text.split('\n')[0] ?? r.text;
  return 'รูปภาพ';
}

/** The items in the order they are shown: essential first, otherwise as the jobs planned them. */
export function digestOrder<T extends Pick<DigestItem, 'priority'>>(items: readonly T[]): T[] {
  return [
    ...items.filter((i) => i.priority === 'essential'),
    ...items.filter((i) => i.priority !== 'essential'),
  ];
}

/** The replies of one person's digest: at most five messages, nothing left out. */
export function digestReplies(items: readonly DigestItem[]): Reply[] {
  const ordered = digestOrder(items);
  const all = ordered.flatMap((i) => i.replies);
  if (all.length <= MESSAGES_PER_PUSH) return all;
  const shown: Reply[] = [];
  let i = 0;
  for (; i < ordered.length; i++) {
    const next = ordered[i]?.replies ?? [];
    if (shown.length + next.length > MESSAGES_PER_PUSH - 1) break;
    shown.push(...next);
  }
  const rest = ordered.slice(i);
  const list = rest.map((item) => `• ${replyHeadline(item.replies[0] ?? { kind: 'text', text: '' })}`);
  return [
    ...shown,
    {
      kind: 'text',
      text: `และอีก ${rest.length} เรื่องสำหรับวันนี้\n${list.join('\n')}\n\nดูได้ที่เมนู "รายงานผลการอบรม" และ "แบบสำรวจ"`,
    },
  ];
}
