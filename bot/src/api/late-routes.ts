import { randomBytes } from 'node:crypto';
import {
  type BroadcastSendingNotes,
  type BroadcastView,
  bangkokDate,
  broadcastIdFor,
  type Division,
  DUE_WITHIN_MAX,
  describeFilter,
  EXCLUSION_LABELS,
  type ExclusionReason,
  isAutoId,
  LATE_PAGE_DEFAULT,
  LATE_PAGE_MAX,
  type LateList,
  type LatePerson,
  lateListPage,
  lineReach,
  parseFilter,
  parseLateCursor,
} from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import { type DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import type { BatchRecord, BroadcastRecord } from '../broadcast/broadcast-records';
import { actorOf, createFirestoreBroadcastStore } from '../broadcast/firestore-broadcasts';
import { noteBroadcastSending } from '../budget/broadcast-sending-notes';
import type { CommittedWork } from '../outbox/after-commit';
import { readOwingIndex } from '../owing/owing-index-store';
import type { AuthedRequest } from './api-auth';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { isoOfTimestamp } from './timestamp-iso';

// HR's late list and the one-tap reminder from it, for the LIFF page. The broadcast is the chat's
// (bot/src/broadcast/*): a request becomes a `preparing` record, the same store freezes the recipients
// into batches (the preview), and a confirm queues the same send task, which sends each batch once
// (its own X-Line-Retry-Key, batch status kept). Here the preview is the response instead of a push.
// Only broadcasts made here are handled here: a chat one is confirmed on its card, in its flow.

/** Working days ahead that count as "due soon" when the page does not say. */
export const DEFAULT_DUE_SOON_DAYS = 3;

const NOT_FOUND = 'ไม่พบรายการแจ้งเตือนนี้ อาจถูกยกเลิกแล้ว กรุณาเริ่มใหม่จากรายชื่อผู้ค้างส่ง';
const BAD_FILTER = 'กรุณาเลือกกลุ่มผู้รับ (ทุกคนที่เลยกำหนด หนึ่งกอง ผู้ที่ใกล้ครบกำหนด หรือเลือกรายคน ไม่เกิน 500 คน)';

export function createLateRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;
  const store = createFirestoreBroadcastStore(d.db, {
    municipality: c.municipality,
    broadcasts: c.broadcasts,
    hoursTotals: c.hoursTotals,
  });

  // Who owes what comes from its index (bot/src/owing/): ≤ 65 reads however many staff; the answer is
  // one page of people (`limit`, default 100) after `cursor`, with the totals for the headings.
  router.get('/', async (req, res) => {
    const raw = req.query.within;
    const within = raw === undefined ? DEFAULT_DUE_SOON_DAYS : Number(raw);
    if (!Number.isInteger(within) || within < 0 || within > DUE_WITHIN_MAX) {
      res.status(400).json({ message: `ช่วง "ใกล้ครบกำหนด" ต้องเป็น 0 ถึง ${DUE_WITHIN_MAX} วันทำการ` });
      return;
    }
    const limit = req.query.limit === undefined ? LATE_PAGE_DEFAULT : Number(req.query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > LATE_PAGE_MAX) {
      res.status(400).json({ message: `จำนวนต่อหน้าต้องเป็น 1 ถึง ${LATE_PAGE_MAX} คน` });
      return;
    }
    const cursor = typeof req.query.cursor === 'string' ? parseLateCursor(req.query.cursor) : undefined;
    if (req.query.cursor !== undefined && cursor === undefined) {
      res.status(400).json({ message: 'ไม่พบหน้าถัดไปของรายชื่อนี้ กรุณาโหลดรายชื่อผู้ค้างส่งใหม่' });
      return;
    }
    const [calendar, owing, municipality] = await Promise.all([
      d.calendar(),
      readOwingIndex(c.municipality),
      c.municipality.get(),
    ]);
    const today = bangkokDate(d.clock());
    const dueSoonUntil = within > 0 ? calendar.addWorkingDays(today, within) : today;
    const divisions = ((municipality.get('divisions') as Division[] | undefined) ?? []).map((v) => ({
      id: v.id,
      name: v.name,
    }));
    const divisionName = new Map(divisions.map((v) => [v.id, v.name]));

    const byPerson = new Map<
      string,
      { name: string; divisionId?: string; reports: LatePerson['reports'][number][] }
    >();
    for (const r of owing.reports) {
      if (r.dueDate > dueSoonUntil) continue;
      const entry = byPerson.get(r.employeeId) ?? {
        name: r.employeeName,
        divisionId: r.divisionId,
        reports: [],
      };
      entry.reports.push({
        id: r.id,
        trainingTitle: r.trainingTitle,
        dueDate: r.dueDate,
        status: r.status,
        workingDaysLate: r.dueDate < today ? calendar.workingDaysBetween(r.dueDate, today) : 0,
      });
      byPerson.set(r.employeeId, entry);
    }
    // the index's copy of each person's staff fields (not the staff records themselves)
    const { employees: indexed } = owing;
    const staff = new Map(indexed.filter((e) => byPerson.has(e.id)).map((e) => [e.id, e]));
    const late: LatePerson[] = [];
    const dueSoon: LatePerson[] = [];
    for (const [id, entry] of byPerson) {
      const e = staff.get(id);
      const reach = lineReach(e);
      // the staff record says where the person works now; the report's copy may be older
      const divisionId = e?.divisionId ?? entry.divisionId ?? null;
      const sorted = entry.reports.sort(
        (a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id),
      );
      const person: LatePerson = {
        employeeId: id,
        name: e?.name ?? entry.name,
        divisionId,
        divisionName: divisionId ? (divisionName.get(divisionId) ?? null) : null,
        reach: reach.reachable
          ? { reachable: true }
          : { reachable: false, reason: reach.reason, label: EXCLUSION_LABELS[reach.reason] },
        reports: sorted,
        earliestDue: sorted[0]?.dueDate ?? today,
        workingDaysLate: Math.max(...sorted.map((r) => r.workingDaysLate)),
      };
      (person.earliestDue < today ? late : dueSoon).push(person);
    }
    const page = lateListPage(late, dueSoon, cursor, limit);
    const body: LateList = {
      today,
      withinWorkingDays: within,
      dueSoonUntil,
      late: page.late,
      dueSoon: page.dueSoon,
      lateCount: late.length,
      dueSoonCount: dueSoon.length,
      nextCursor: page.nextCursor,
      divisions,
    };
    res.setHeader('cache-control', 'no-store');
    res.json(body);
  });

  // HR chose a group: the recipients are frozen now and the preview is the answer; nothing is sent.
  router.post('/broadcasts', express.json({ limit: '64kb' }), async (req, res) => {
    const { lineUserId, person } = caller(req);
    const filter = parseFilter((req.body as { filter?: unknown } | undefined)?.filter);
    if (!filter) {
      res.status(400).json({ message: BAD_FILTER, errors: { filter: BAD_FILTER } });
      return;
    }
    const now = d.clock();
    // the chat's id scheme plus a random tail: two taps in one millisecond are two requests
    const id = `${broadcastIdFor(person.employeeId, now)}-${randomBytes(3).toString('hex')}`;
    const ref = c.broadcasts.doc(id);
    await ref.create({
      id,
      status: 'preparing',
      source: 'liff',
      filter: { ...filter },
      today: bangkokDate(now),
      requestedBy: actorOf(person, lineUserId),
      requestEventId: `liff:${id}`,
      requestedAt: Timestamp.fromDate(now),
    });
    const prepared = await store.prepare(id, now, d.calendar);
    if (prepared.status === 'nothingToDo') {
      res.status(409).json({ message: NOT_FOUND });
      return;
    }
    await noteBroadcastSending({
      broadcasts: c.broadcasts,
      notifications: c.notifications,
      budget: d.budget,
      broadcastId: id,
      now,
    });
    d.logger.info('api.broadcast_prepared', {
      broadcastId: id,
      employeeId: person.employeeId,
      kind: filter.kind,
      recipients: prepared.preview.recipientCount,
    });
    res.status(201).json(await view(await ref.get()));
  });

  router.get('/broadcasts/:id', async (req, res) => {
    const snap = await ownSnap(req, res);
    if (!snap) return;
    res.setHeader('cache-control', 'no-store');
    res.json(await view(snap));
  });

  // Idempotent: only the tap that turns the draft into `queued` queues the send task; a second tap (or
  // a retried request) gets the broadcast as it stands, so it is sent once.
  router.post('/broadcasts/:id/confirm', async (req, res) => {
    const { lineUserId, person } = caller(req);
    const snap = await ownSnap(req, res);
    if (!snap) return;
    const now = Timestamp.fromDate(d.clock());
    let work: CommittedWork | undefined;
    const outcome = await d.db.runTransaction(async (tx) => {
      work = undefined; // a retried transaction records its own
      const fresh = await tx.get(snap.ref);
      const b = fresh.data() as BroadcastRecord;
      if (b.status === 'draft') {
        if ((b.recipientCount ?? 0) === 0) return 'nobody' as const;
        tx.update(snap.ref, {
          status: 'queued',
          confirmedBy: actorOf(person, lineUserId),
          confirmEventId: `liff:${b.id}:confirm`,
          confirmedAt: now,
        });
        // the send task is committed with the status: a crash before it is queued leaves it to the sweeper
        work = d.afterCommit.record(tx, [{ type: 'broadcastSend', broadcastId: snap.id }], lineUserId);
        return 'queued' as const;
      }
      if (b.status === 'cancelled') return 'cancelled' as const;
      if (b.status === 'preparing') return 'preparing' as const;
      return 'already' as const;
    });
    switch (outcome) {
      case 'nobody':
        res.status(409).json({ message: 'กลุ่มนี้ไม่มีผู้ที่ส่งแจ้งเตือนได้ จึงไม่มีอะไรให้ส่ง' });
        return;
      case 'cancelled':
        res.status(409).json({ message: 'รายการนี้ถูกยกเลิกแล้ว กรุณาเริ่มใหม่จากรายชื่อผู้ค้างส่ง' });
        return;
      case 'preparing':
        res.status(409).json({ message: 'ระบบยังเตรียมรายชื่อไม่เสร็จ กรุณารอสักครู่แล้วลองอีกครั้ง' });
        return;
      case 'queued':
        d.logger.info('api.broadcast_confirmed', { broadcastId: snap.id, employeeId: person.employeeId });
        await d.afterCommit.deliver(work);
        break;
      case 'already':
        break;
    }
    res.json(await view(await snap.ref.get()));
  });

  router.post('/broadcasts/:id/cancel', async (req, res) => {
    const { lineUserId, person } = caller(req);
    const snap = await ownSnap(req, res);
    if (!snap) return;
    const outcome = await d.db.runTransaction(async (tx) => {
      const fresh = await tx.get(snap.ref);
      const status = fresh.get('status') as string;
      if (status === 'cancelled') return 'already' as const;
      if (status !== 'draft' && status !== 'preparing') return 'tooLate' as const;
      tx.update(snap.ref, {
        status: 'cancelled',
        cancelledBy: actorOf(person, lineUserId),
        cancelledAt: Timestamp.fromDate(d.clock()),
      });
      return 'cancelled' as const;
    });
    if (outcome === 'tooLate') {
      res
        .status(409)
        .json({ message: 'ยืนยันส่งไปแล้ว จึงยกเลิกไม่ได้', broadcast: await view(await snap.ref.get()) });
      return;
    }
    res.json(await view(await snap.ref.get()));
  });

  /** The broadcast named in the path, when it exists and was made in the LIFF app. */
  async function ownSnap(req: Request, res: Response): Promise<DocumentSnapshot | undefined> {
    personOf(req);
    const id = req.params.id;
    if (typeof id !== 'string' || !isAutoId(id)) {
      res.status(404).json({ message: NOT_FOUND });
      return undefined;
    }
    const snap = await c.broadcasts.doc(id).get();
    if (!snap.exists || snap.get('source') !== 'liff') {
      res.status(404).json({ message: NOT_FOUND });
      return undefined;
    }
    return snap;
  }

  return router;
}

/** The authenticated LINE user and person the API router put on the request. */
function caller(req: Request): { lineUserId: string; person: ReturnType<typeof personOf> } {
  const person = personOf(req);
  return { lineUserId: (req as unknown as AuthedRequest).lineUserId, person };
}

const who = (a: { employeeId: string; name: string } | undefined) =>
  a ? { employeeId: a.employeeId, name: a.name } : null;

/** The stored broadcast, and once it is confirmed its batches' delivery, as the page shows them. */
async function view(snap: DocumentSnapshot): Promise<BroadcastView> {
  const b = snap.data() as BroadcastRecord & Record<string, unknown>;
  const excluded = b.excluded ?? { left: 0, notLinked: 0, blocked: 0, noStaffRecord: 0 };
  const confirmed = !['preparing', 'draft', 'cancelled'].includes(b.status);
  const delivery = { queued: 0, sending: 0, sent: 0, failed: 0 };
  const failures: BroadcastView['failures'][number][] = [];
  if (confirmed) {
    const batches = await snap.ref.collection('batches').get();
    for (const doc of batches.docs) {
      const batch = doc.data() as BatchRecord;
      const n = batch.lineUserIds.length;
      if (batch.status === 'sent') delivery.sent += n;
      else if (batch.status === 'pending') delivery[b.status === 'sending' ? 'sending' : 'queued'] += n;
      else {
        delivery.failed += n;
        failures.push({ batch: batch.index, people: n, error: batch.lastError ?? batch.status });
      }
    }
  }
  const picked = b.filter.kind === 'people' ? b.filter.employeeIds.length : 0;
  return {
    id: b.id,
    status: b.status,
    filter: b.filter,
    filterLabel: describeFilter(b.filter),
    recipientCount: b.recipientCount ?? 0,
    batchCount: b.batchCount ?? 0,
    excluded: (Object.keys(excluded) as ExclusionReason[])
      .filter((k) => excluded[k] > 0)
      .map((reason) => ({ reason, label: EXCLUSION_LABELS[reason], count: excluded[reason] })),
    notOwing: b.filter.kind === 'people' ? Math.max(0, picked - (b.matchedPeople ?? 0)) : 0,
    sampleNames: b.sampleNames ?? [],
    messageText: b.messageText ?? '',
    problem: b.problem ?? null,
    requestedBy: who(b.requestedBy) ?? { employeeId: '', name: '' },
    requestedAt: isoOfTimestamp(b.requestedAt),
    confirmedBy: who(b.confirmedBy),
    confirmedAt: isoOfTimestamp(b.confirmedAt),
    delivery: confirmed ? delivery : null,
    sending: (b.sending as BroadcastSendingNotes | undefined) ?? null,
    failures,
  };
}
