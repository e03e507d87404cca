import { type BroadcastSendingNotes, sendingNoteLines } from '../budget/broadcast-sending-notes';
import type { Action, Reply } from '../conversation/reply';
import { MULTICAST_MAX } from './batches';
import { type BroadcastFilter, describeFilter } from './broadcast-filter';
import { EXCLUSION_LABELS, type ExclusionReason } from './select-recipients';

// What HR sees before anything is sent: how many people, who is left out and why, a few names and
// the message itself, with the two buttons that decide.

/** Postback actions of the preview card; they reach the HR flow waiting for this broadcast. */
export const BROADCAST_POSTBACK = { confirm: 'hb.confirm', cancel: 'hb.cancel' } as const;

/** Names shown in the preview. */
export const PREVIEW_NAMES = 5;

export interface BroadcastPreview {
  readonly broadcastId: string;
  readonly filter: BroadcastFilter;
  readonly recipientCount: number;
  readonly excluded: Readonly<Record<ExclusionReason, number>>;
  /** the first few recipients' names, nearest due first */
  readonly sampleNames: readonly string[];
  readonly messageText: string;
  /** set when the filter could not be applied, e.g. an unknown division */
  readonly problem?: string;
  /** when it goes out, what it costs of this month's messages, who was just reminded */
  readonly sending?: BroadcastSendingNotes;
}

export const confirmBroadcastAction = (broadcastId: string): Action => ({
  type: 'postback',
  label: 'ยืนยันส่ง',
  data: { a: BROADCAST_POSTBACK.confirm, b: broadcastId },
  displayText: 'ยืนยันส่ง',
});

export const cancelBroadcastAction = (broadcastId: string): Action => ({
  type: 'postback',
  label: 'ยกเลิก',
  data: { a: BROADCAST_POSTBACK.cancel, b: broadcastId },
  displayText: 'ยกเลิกการส่ง',
});

const count = (n: number) => new Intl.NumberFormat('th-TH').format(n);

export function broadcastPreviewReplies(p: BroadcastPreview): Reply[] {
  const excluded = (Object.keys(p.excluded) as ExclusionReason[]).filter((k) => p.excluded[k] > 0);
  const lines = [`กลุ่ม: ${describeFilter(p.filter)}`];
  if (p.problem) lines.push(p.problem);
  lines.push(
    p.recipientCount > 0
      ? `จะส่งถึง ${count(p.recipientCount)} คน (คนละ 1 ข้อความ, ${Math.ceil(p.recipientCount / MULTICAST_MAX)} ชุด)`
      : 'ไม่มีผู้ที่ต้องแจ้งเตือนในกลุ่มนี้',
  );
  if (p.sending && p.recipientCount > 0) lines.push(...sendingNoteLines(p.sending));
  const more = p.recipientCount - p.sampleNames.length;
  return [
    {
      kind: 'card',
      title: 'ตรวจสอบก่อนส่งแจ้งเตือน',
      altText: `ตัวอย่างการแจ้งเตือนผู้ค้างส่ง: ${count(p.recipientCount)} คน`,
      lines,
      fields: [
        ...(p.sampleNames.length > 0
          ? [
              {
                label: 'ผู้รับ',
                value: `${p.sampleNames.join(', ')}${more > 0 ? ` และอีก ${count(more)} คน` : ''}`,
              },
            ]
          : []),
        ...(excluded.length > 0
          ? [
              {
                label: 'ไม่ส่ง',
                value: excluded.map((k) => `${EXCLUSION_LABELS[k]} ${count(p.excluded[k])} คน`).join('\n'),
              },
            ]
          : []),
        { label: 'ข้อความ', value: p.messageText },
      ],
      actions:
        p.recipientCount > 0
          ? [confirmBroadcastAction(p.broadcastId), cancelBroadcastAction(p.broadcastId)]
          : [cancelBroadcastAction(p.broadcastId)],
    },
  ];
}

/** What HR gets when sending has finished (or stopped with batches left to retry). */
export function broadcastResultReplies(r: {
  readonly delivered: number;
  readonly total: number;
  readonly failed: number;
}): Reply[] {
  if (r.failed === 0)
    return [{ kind: 'text', text: `ส่งแจ้งเตือนผู้ค้างส่งครบแล้ว ✅ ส่งถึง ${count(r.delivered)} คน` }];
  return [
    {
      kind: 'text',
      text: `ส่งแจ้งเตือนได้ ${count(r.delivered)} จาก ${count(r.total)} คน อีก ${count(r.failed)} คนยังส่งไม่สำเร็จ ระบบจะลองส่งให้อีกครั้งโดยไม่ส่งซ้ำคนที่ได้รับแล้ว`,
    },
  ];
}

/**
 * A broadcast's id: the requester and the turn's instant, so a retried transaction makes the same id
 * and nothing random is needed in a pure flow.
 */
export function broadcastIdFor(employeeId: string, now: Date): string {
  return `${now.toISOString().slice(0, 10).replaceAll('-', '')}-${employeeId.replace(/[^A-Za-z0-9_-]/g, '_')}-${now.getTime().toString(36)}`;
}
