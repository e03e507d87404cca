import { type HeldBackReason, type MessageBudgetSummary, remainingOf } from '@phattana/shared';
import express, { type Router } from 'express';
import { forecastRestOfMonth } from '../budget/budget-forecast';
import { messageBudgetCollection } from '../budget/budget-ledger';
import { readCounterShards, sumCounters } from '../stats/counter-shards';
import { requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { isoOfTimestamp } from './timestamp-iso';

// GET /api/message-budget: this month's LINE messages for HR's dashboard: used / limit from LINE,
// the forecast from what is scheduled, what was held back and whether HR was told. Deployment-wide,
// with this municipality's share of what the bot sent and the rest of the Official Account's users
// together: one deployment may serve many municipalities, and HR sees no other one by name.

export function createMessageBudgetRoutes(d: ApiDeps): Router {
  const router = express.Router();
  router.use(requireRoles('hr'));

  router.get('/', async (_req, res, next) => {
    try {
      if (!d.budget) {
        res.status(503).json({ message: 'ยังไม่ได้ตั้งค่าการนับโควตาข้อความ LINE' });
        return;
      }
      const now = d.clock();
      const reading = await d.budget.reading();
      const month = (d.budgetMonths ?? messageBudgetCollection(d.db)).doc(reading.month);
      const [m, shards, recent, scheduled] = await Promise.all([
        month.get(),
        readCounterShards(month),
        month.collection('heldBack').orderBy('lastAt', 'desc').limit(5).get(),
        forecastRestOfMonth({ c: d.collections, calendar: await d.calendar(), now }),
      ]);
      // the month's counters: the document plus its shards (see counter-shards)
      const counted = sumCounters([m.data(), ...shards]);
      const sent = (counted.sent as Record<string, number> | undefined) ?? {};
      const ownId = d.collections.municipality.id;
      const ownName = String((await d.collections.municipality.get()).get('name') ?? ownId);
      const others = Object.entries(sent)
        .filter(([id]) => id !== ownId)
        .reduce((n, [, v]) => n + Number(v ?? 0), 0);
      const remaining = remainingOf(reading);
      const projected = reading.used + scheduled;
      const body: MessageBudgetSummary = {
        month: reading.month,
        limit: reading.limit,
        used: reading.used,
        remaining,
        closed: m.get('closedAt') !== undefined || remaining === 0,
        forecast: {
          scheduled,
          projected,
          exceedsLimit: reading.limit !== null && projected > reading.limit,
        },
        heldBack: {
          total: Number(counted.heldBackTotal ?? 0),
          byReason: (counted.heldBack as Partial<Record<HeldBackReason, number>> | undefined) ?? {},
          recent: recent.docs.map((x) => ({
            at: isoOfTimestamp(x.get('lastAt')) ?? '',
            purpose: String(x.get('purpose') ?? ''),
            reason: x.get('reason') as HeldBackReason,
            recipients: Number(x.get('recipients') ?? 0),
          })),
        },
        hrTold: (m.get('hrNoticeVia') as 'line' | 'dashboard' | undefined) ?? null,
        shares: [
          { municipalityId: ownId, name: ownName, sent: Number(sent[ownId] ?? 0) },
          ...(others > 0
            ? [{ municipalityId: 'others', name: 'หน่วยงานอื่นที่ใช้บัญชี LINE เดียวกัน', sent: others }]
            : []),
        ],
      };
      res.setHeader('cache-control', 'no-store');
      res.json(body);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
