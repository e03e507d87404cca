// The LINE Official Account's monthly message budget, as figures and decisions: every push costs one
// message per recipient (however many bubbles), replies are free. When the quota runs short, optional
// messages stop first so what matters most (approvals, reports due today or late) still goes.

/**
 * `essential`: approvals waiting, reports due today or overdue, the first notice of a report, answers to
 * what a person asked, HR's own notices. `optional`: early reminders, survey invitations and reminders,
 * HR broadcasts. Anything unlabelled is essential: the budget never silently drops what it cannot name.
 */
export type MessagePriority = 'essential' | 'optional';

/** LINE's figures for one month (LINE's month: Japan time). `limit` null: no limit set. */
export interface BudgetReading {
  readonly month: string;
  readonly limit: number | null;
  readonly used: number;
}

/** Why a message was not sent: the quota is used up, or what is left is kept for essential messages. */
export type HeldBackReason = 'monthlyLimit' | 'reservedForEssential';

/** Share of the monthly limit kept for essential messages: optional ones stop when only this is left. */
export const ESSENTIAL_RESERVE_SHARE = 0.1;

/** LINE counts the month in Japan time (UTC+9): its quota opens at 00:00 JST on the 1st (22:00 in Bangkok). */
export function quotaMonthOf(d: Date): string {
  return new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}

export function remainingOf(r: BudgetReading): number | null {
  return r.limit === null ? null : Math.max(0, r.limit - r.used);
}

export function essentialReserve(limit: number | null, share = ESSENTIAL_RESERVE_SHARE): number {
  return limit === null ? 0 : Math.ceil(limit * share);
}

/** Whether a send to `recipients` people may go; the reason when it may not. */
export function budgetDecision(
  r: BudgetReading,
  recipients: number,
  priority: MessagePriority,
  reserveShare = ESSENTIAL_RESERVE_SHARE,
): { readonly send: true } | { readonly send: false; readonly reason: HeldBackReason } {
  if (r.limit === null) return { send: true };
  if (r.used + recipients > r.limit) return { send: false, reason: 'monthlyLimit' };
  if (priority === 'optional' && r.used + recipients > r.limit - essentialReserve(r.limit, reserveShare))
    return { send: false, reason: 'reservedForEssential' };
  return { send: true };
}

export const HELD_BACK_REASON_TH: Readonly<Record<HeldBackReason, string>> = {
  monthlyLimit: 'โควตาข้อความของเดือนนี้หมดแล้ว',
  reservedForEssential: 'เก็บโควตาที่เหลือไว้สำหรับข้อความสำคัญ',
};
