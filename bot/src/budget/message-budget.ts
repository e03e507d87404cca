import {
  type BudgetReading,
  budgetDecision,
  ESSENTIAL_RESERVE_SHARE,
  type HeldBackReason,
  type MessagePriority,
  quotaMonthOf,
} from '@phattana/shared';
import type { LineClient } from '../line/line-client';
import type { Logger } from '../runtime/logger';
import type { BudgetLedger, HeldBackEntry } from './budget-ledger';

// The bot's view of this month's LINE quota: LINE's two figures read at most once a minute, plus what
// the bot sent since. After LINE says the month is used up, nothing is tried again until the month
// changes or the limit read from LINE is higher than it was (HR raised the plan): sending resumes by itself.

export interface MessageBudget {
  reading(): Promise<BudgetReading>;
  decide(
    recipients: number,
    priority: MessagePriority,
  ): Promise<{ readonly send: true } | { readonly send: false; readonly reason: HeldBackReason }>;
  /** LINE accepted a send to this many people */
  sent(recipients: number): Promise<void>;
  /** LINE answered 429 "monthly limit" */
  closed(): Promise<void>;
  /** records a message not sent, and tells HR once a month */
  heldBack(h: Omit<HeldBackEntry, 'month' | 'municipalityId' | 'at'>): Promise<void>;
}

/** LINE's two figures now, uncached (the broadcast preview, read once per preview). */
export async function readQuota(
  line: Pick<LineClient, 'getMessageQuota' | 'getMessageQuotaConsumption'>,
  now: Date,
): Promise<BudgetReading> {
  const [quota, used] = await Promise.all([line.getMessageQuota(), line.getMessageQuotaConsumption()]);
  return { month: quotaMonthOf(now), limit: quota.type === 'limited' ? quota.value : null, used };
}

export interface MessageBudgetDeps {
  readonly line: Pick<LineClient, 'getMessageQuota' | 'getMessageQuotaConsumption'>;
  readonly ledger: BudgetLedger;
  readonly municipalityId: string;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** tells HR that messages are being held back; 'dashboard' when LINE could not carry it */
  readonly tellHr: (reading: BudgetReading, reason: HeldBackReason) => Promise<'line' | 'dashboard'>;
  readonly cacheMs?: number;
  readonly reserveShare?: number;
}

export function createMessageBudget(d: MessageBudgetDeps): MessageBudget {
  const cacheMs = d.cacheMs ?? 60_000;
  let cached: { reading: BudgetReading; at: number } | undefined;
  let reading: Promise<void> | undefined;
  /** the month LINE closed, at the limit it had then */
  let closedAt: { month: string; limit: number | null } | undefined;

  const read = async (): Promise<BudgetReading> => {
    const now = d.clock();
    const month = quotaMonthOf(now);
    if (!cached || cached.reading.month !== month || now.getTime() - cached.at >= cacheMs) {
      // the morning job sends side by side: one reading of LINE's figures serves every send waiting for it
      reading ??= readQuota(d.line, now)
        .then((r) => {
          cached = { reading: r, at: now.getTime() };
        })
        .catch((err: Error) => {
          // LINE's figures unreadable: send as before (LINE still refuses what the quota cannot carry)
          d.logger.warn('budget.read_failed', { err: err.message });
          cached ??= { reading: { month, limit: null, used: 0 }, at: now.getTime() };
        })
        .finally(() => {
          reading = undefined;
        });
      await reading;
    }
    const r = (cached as { reading: BudgetReading }).reading;
    if (
      closedAt &&
      (closedAt.month !== r.month || (r.limit ?? Number.POSITIVE_INFINITY) > (closedAt.limit ?? 0))
    )
      closedAt = undefined;
    // closed this month at this limit: used up, whatever a lagging consumption figure says
    return closedAt ? { ...r, used: Math.max(r.used, r.limit ?? r.used) } : r;
  };

  return {
    reading: read,
    async decide(recipients, priority) {
      return budgetDecision(await read(), recipients, priority, d.reserveShare ?? ESSENTIAL_RESERVE_SHARE);
    },
    async sent(recipients) {
      const r = await read();
      if (cached)
        cached = { ...cached, reading: { ...cached.reading, used: cached.reading.used + recipients } };
      await d.ledger.recordSent(r.month, d.municipalityId, recipients).catch((err: Error) => {
        d.logger.warn('budget.count_failed', { err: err.message });
      });
    },
    async closed() {
      const r = await read();
      closedAt = { month: r.month, limit: r.limit };
      d.logger.warn('budget.monthly_limit', { month: r.month, limit: r.limit });
      await d.ledger.recordClosed(r.month, d.clock());
    },
    async heldBack(h) {
      const r = await read();
      const at = d.clock();
      await d.ledger.recordHeldBack({ ...h, month: r.month, municipalityId: d.municipalityId, at });
      d.logger.info('budget.held_back', { purpose: h.purpose, reason: h.reason, recipients: h.recipients });
      if (await d.ledger.claimHrNotice(r.month, at)) {
        const via = await d.tellHr(r, h.reason).catch((err: Error) => {
          d.logger.warn('budget.hr_notice_failed', { err: err.message });
          return 'dashboard' as const;
        });
        await d.ledger.recordHrNotice(r.month, via);
      }
    },
  };
}
