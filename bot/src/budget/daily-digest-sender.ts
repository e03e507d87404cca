import { createHash } from 'node:crypto';
import { type DigestItem, digestReplies, type IsoDate, type PostbackSigner } from '@phattana/shared';
import { type CollectionReference, type Firestore, Timestamp } from 'firebase-admin/firestore';
import type { LineClient, LineMessage } from '../line/line-client';
import { batches, renderMessages } from '../line/render-messages';
import {
  createOnceOnlySender,
  noOutcomes,
  type OnceMessage,
  type OnceOnlySender,
  type OnceOutcome,
} from '../reports/once-only-sender';
import { inPool, mapPool } from '../runtime/bounded-pool';
import type { Logger } from '../runtime/logger';
import { retryKeyFor } from '../webhook/retry-key';
import { MessageHeldBackError } from './budget-gate';

// The morning digest: the daily jobs hand every message to this sender instead of pushing it, and
// `flush` sends each person ONE push with all of that day's items (LINE counts a push per recipient,
// not per bubble). People whose digest is the very same (everyone invited to the same survey and
// nothing else) get it as one multicast. Each item keeps its own once-only record: it is claimed in
// the person's transaction before the push, marked sent after it, and a rerun sends nothing twice.
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
/** people claimed, and pushes or multicasts sent, at the same time */
const IN_FLIGHT = 16;
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

  const sender: OnceOnlySender = {
    async send(o) {
      // nobody to push to: recorded as skipped at once, exactly as without the digest
      if (!o.to.lineUserId || o.to.skipReason) return immediate.send(o);
      const status = (await d.log.doc(o.key).get()).get('status') as string | undefined;
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

  /** Claims the person's items not sent yet; returns them with the digest's id. */
  const claim = async (p: Person) =>
    d.db.runTransaction(async (tx) => {
      const items = [...p.items.values()];
      const snaps = await Promise.all(items.map((i) => tx.get(d.log.doc(i.key))));
      const open = items.filter((_, k) => !['sent', 'skipped'].includes(String(snaps[k]?.get('status'))));
      const digestId = `digest:${d.today}:${p.employeeId}:${hash(
        open
          .map((i) => i.key)
          .sort()
          .join('|'),
      )}`;
      open.forEach((i) => {
        const snap = snaps[items.indexOf(i)];
        tx.set(
          d.log.doc(i.key),
          {
            status: 'claimed',
            employeeId: p.employeeId,
            attempts: Number(snap?.get('attempts') ?? 0) + 1,
            claimedAt: Timestamp.fromDate(d.now),
            digest: digestId,
            ...(i.meta ?? {}),
          },
          { merge: true },
        );
      });
      return { open, digestId };
    });

  const record = async (keys: readonly string[], fields: Record<string, unknown>) => {
    const w = d.db.batch();
    for (const k of keys) w.set(d.log.doc(k), fields, { merge: true });
    await w.commit();
  };

  return {
    sender,
    async flush() {
      const items = noOutcomes();
      const groups = new Map<string, { messages: LineMessage[]; essential: boolean; members: Member[] }>();
      // claimed side by side (one transaction per person), grouped in the people's order
      const everyone = [...people.values()];
      const claims = await mapPool(everyone, IN_FLIGHT, claim);
      for (const [k, p] of everyone.entries()) {
        const { open, digestId } = claims[k] as Awaited<ReturnType<typeof claim>>;
        items.alreadySent += p.items.size - open.length;
        if (open.length === 0) continue;
        const digestItems: DigestItem[] = open.map((i) => ({
          key: i.key,
          replies: i.replies,
          priority: i.priority ?? 'essential',
        }));
        const messages = renderMessages(digestReplies(digestItems), { signer: d.signer, now: d.now });
        const same = JSON.stringify(messages);
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
      // every push and ≤500-recipient multicast, IN_FLIGHT at a time (each with its retry key)
      const sends: { members: Member[]; messages: LineMessage[]; essential: boolean }[] = [];
      for (const g of groups.values())
        for (let i = 0; i < g.members.length; i += MULTICAST_MAX)
          sends.push({
            members: g.members.slice(i, i + MULTICAST_MAX),
            messages: g.messages,
            essential: g.essential,
          });
      await inPool(sends, IN_FLIGHT, (x) => deliver(x.members, x.messages, x.essential));
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
