import { createHash } from 'node:crypto';
import { type DigestItem, digestReplies, type IsoDate, type PostbackSigner } from '@phattana/shared';
import { type CollectionReference, type Firestore, Timestamp } from 'firebase-admin/firestore';
import type { LineClient, LineMessage } from '../line/line-client';
import { batches, renderMessages } from '../line/render-messages';
import { createGroupedUpdates } from '../outbox/grouped-updates';
import {
  createOnceOnlySender,
  noOutcomes,
  type OnceMessage,
  type OnceOnlySender,
  type OnceOutcome,
} from '../reports/once-only-sender';
import { inPool, mapPool } from '../runtime/bounded-pool';
import type { Logger } from '../runtime/logger';
import { createGroupedReads } from '../store/grouped-reads';
import { retryKeyFor } from '../webhook/retry-key';
import { MessageHeldBackError } from './budget-gate';

// The morning digest: the daily jobs hand every message to this sender instead of pushing it, and
// `flush` sends each person ONE push with all of that day's items (LINE counts a push per recipient,
// not per bubble). People whose digest is the very same (everyone invited to the same survey and
// nothing else) get it as one multicast. Each item keeps its own once-only record: it is claimed in
// a transaction (a few people's items together) before the push, marked sent after it, and a rerun
// sends nothing twice.
// A digest's retry key is derived from its items' keys, so a run that died between push and record
// pushes the same digest under the same key and LINE drops the repeat.

export interface DigestResult {
  /** people who got a digest (or would have, had the budget allowed) */
  readonly people: number;
  readonly pushes: number;
  readonly multicasts: number;
  /** outcome per item */
  readonly items: Readonly<Record<OnceOutcome, number>>;
}

export interface DailyDigest {
  readonly sender: OnceOnlySender;
  flush(): Promise<DigestResult>;
}

const MULTICAST_MAX = 500;
/** claims (transactions of PEOPLE_PER_CLAIM people) at the same time */
const IN_FLIGHT = 16;
/**
 * Pushes and multicasts at the same time: each waits for LINE and then for its count in the message
 * budget, which is written at most once a second (budget-ledger), so more go side by side than claims.
 * Far below LINE's 2,000 pushes a second.
 */
const SENDS_IN_FLIGHT = 64;
/**
 * People claimed in one transaction: one round trip reads all their records and one commits the claims
 * (a transaction per person made the claims most of the morning's Firestore work); well under the 500
 * writes a commit may carry, as long as a person's items are few.
 */
const PEOPLE_PER_CLAIM = 50;
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

interface Person {
  readonly employeeId: string;
  readonly lineUserId: string;
  readonly items: Map<string, OnceMessage>;
}

/** one person of a push or multicast: their digest and the once-only keys it carries */
interface Member {
  readonly lineUserId: string;
  readonly digestId: string;
  readonly keys: string[];
}

export function createDailyDigest(d: {
  db: Firestore;
  /** municipalities/{m}/notifications: the once-only records */
  log: CollectionReference;
  line: LineClient;
  signer: PostbackSigner;
  logger: Logger;
  now: Date;
  today: IsoDate;
}): DailyDigest {
  const immediate = createOnceOnlySender(d);
  // retry keys per municipality: employee ids repeat across municipalities sharing one LINE account
  const scoped = (key: string) => `${d.log.path}/${key}`;
  const people = new Map<string, Person>();
  // the records every job asks about side by side, read together (see store/grouped-reads)
  const records = createGroupedReads(d.db);
  // the "sent" marks of pushes that finish together share a commit (see outbox/grouped-updates)
  const marks = createGroupedUpdates(d.db);

  const sender: OnceOnlySender = {
    async send(o) {
      // nobody to push to: recorded as skipped at once, exactly as without the digest
      if (!o.to.lineUserId || o.to.skipReason) return immediate.send(o);
      const status = o.unrecorded
        ? undefined
        : ((await records.get(d.log.doc(o.key))).get('status') as string | undefined);
      if (status === 'sent' || status === 'skipped') return 'alreadySent';
      const p = people.get(o.to.employeeId) ?? {
        employeeId: o.to.employeeId,
        lineUserId: o.to.lineUserId,
        items: new Map<string, OnceMessage>(),
      };
      people.set(o.to.employeeId, p);
      p.items.set(o.key, o);
      return 'sent'; // planned: flush() says what became of it
    },
  };

  /** Claims the items not sent yet of a few people at once; returns each person's with its digest's id. */
  const claim = async (group: readonly Person[]) =>
    d.db.runTransaction(async (tx) => {
      const items = group.map((p) => [...p.items.values()]);
      const refs = items.flat().map((i) => d.log.doc(i.key));
      const snaps = new Map((refs.length > 0 ? await tx.getAll(...refs) : []).map((x) => [x.ref.path, x]));
      return group.map((p, k) => {
        const mine = items[k] ?? [];
        const snapOf = (i: OnceMessage) => snaps.get(d.log.doc(i.key).path);
        const open = mine.filter((i) => !['sent', 'skipped'].includes(String(snapOf(i)?.get('status'))));
        const digestId = `digest:${d.today}:${p.employeeId}:${hash(
          open
            .map((i) => i.key)
            .sort()
            .join('|'),
        )}`;
        for (const i of open)
          tx.set(
            d.log.doc(i.key),
            {
              status: 'claimed',
              employeeId: p.employeeId,
              attempts: Number(snapOf(i)?.get('attempts') ?? 0) + 1,
              claimedAt: Timestamp.fromDate(d.now),
              digest: digestId,
              ...(i.meta ?? {}),
            },
            { merge: true },
          );
        return { open, digestId };
      });
    });

  // the records exist (claimed above): their outcome is an update, grouped with other sends' outcomes
  const record = async (keys: readonly string[], fields: Record<string, unknown>) => {
    await Promise.all(keys.map((k) => marks.update(d.log.doc(k), fields)));
  };

  return {
    sender,
    async flush() {
      const items = noOutcomes();
      const groups = new Map<string, { messages: LineMessage[]; essential: boolean; members: Member[] }>();
      const renderedFor = new Map<string, { messages: LineMessage[]; same: string }>();
      // claimed side by side (one transaction per few people), grouped in the people's order
      const everyone = [...people.values()];
      const groupsToClaim: Person[][] = [];
      for (let i = 0; i < everyone.length; i += PEOPLE_PER_CLAIM)
        groupsToClaim.push(everyone.slice(i, i + PEOPLE_PER_CLAIM));
      const claims = (await mapPool(groupsToClaim, IN_FLIGHT, claim)).flat();
      for (const [k, p] of everyone.entries()) {
        const { open, digestId } = claims[k] as Awaited<ReturnType<typeof claim>>[number];
        items.alreadySent += p.items.size - open.length;
        if (open.length === 0) continue;
        const digestItems: DigestItem[] = open.map((i) => ({
          key: i.key,
          replies: i.replies,
          priority: i.priority ?? 'essential',
        }));
        // the same day for many people (everyone invited to one survey) is rendered once
        const replies = digestReplies(digestItems);
        const asked = JSON.stringify(replies);
        let rendered = renderedFor.get(asked);
        if (!rendered) {
          const messages = renderMessages(replies, { signer: d.signer, now: d.now });
          rendered = { messages, same: JSON.stringify(messages) };
          renderedFor.set(asked, rendered);
        }
        const { messages, same } = rendered;
        const g = groups.get(same) ?? { messages, essential: false, members: [] };
        groups.set(same, g);
        g.essential ||= digestItems.some((i) => i.priority === 'essential');
        g.members.push({ lineUserId: p.lineUserId, digestId, keys: open.map((i) => i.key) });
      }

      let pushes = 0;
      let multicasts = 0;
      const deliver = async (members: readonly Member[], messages: LineMessage[], essential: boolean) => {
        const keys = members.flatMap((m) => m.keys);
        const key =
          members.length === 1
            ? (members[0]?.digestId ?? '')
            : `digests:${hash(
                members
                  .map((m) => m.digestId)
                  .sort()
                  .join('|'),
              )}`;
        const opts = {
          priority: essential ? ('essential' as const) : ('optional' as const),
          purpose: 'dailyDigest',
          key,
        };
        try {
          let n = 0;
          for (const batch of batches(messages)) {
            if (members.length === 1)
              await d.line.push(members[0]?.lineUserId ?? '', batch, retryKeyFor(scoped(key), n++), opts);
            else
              await d.line.multicast(
                members.map((m) => m.lineUserId),
                batch,
                retryKeyFor(scoped(key), n++),
                opts,
              );
          }
          if (members.length === 1) pushes++;
          else multicasts++;
          await record(keys, { status: 'sent', sentAt: Timestamp.fromDate(d.now) });
          items.sent += keys.length;
        } catch (err) {
          if (err instanceof MessageHeldBackError) {
            await record(keys, { status: 'heldBack', reason: err.reason });
            items.heldBack += keys.length;
            return;
          }
          d.logger.warn('digest.send_failed', { key, err: (err as Error).message });
          await record(keys, { status: 'failed', error: (err as Error).message });
          items.failed += keys.length;
        }
      };
      // every push and ≤500-recipient multicast, SENDS_IN_FLIGHT at a time (each with its retry key)
      const sends: { members: Member[]; messages: LineMessage[]; essential: boolean }[] = [];
      for (const g of groups.values())
        for (let i = 0; i < g.members.length; i += MULTICAST_MAX)
          sends.push({
            members: g.members.slice(i, i + MULTICAST_MAX),
            messages: g.messages,
            essential: g.essential,
          });
      await inPool(sends, SENDS_IN_FLIGHT, (x) => deliver(x.members, x.messages, x.essential));
      const result = {
        people: [...groups.values()].reduce((n, g) => n + g.members.length, 0),
        pushes,
        multicasts,
        items,
      };
      d.logger.info('jobs.digest', { ...result, items: { ...items } });
      return result;
    },
  };
}
