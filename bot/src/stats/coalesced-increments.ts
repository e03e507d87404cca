import type { DocumentReference } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import { counterShard } from './counter-shards';

// Increments that come faster than a document can take them (the morning digest counts every push of
// every municipality sent side by side) are added up in memory and written together: after a write that
// carried several, the next waits out `gapMs`, so side-by-side senders write a counted document (through
// one of its random shards) at most once a gap. Every caller still waits for the write that carries its
// own increment, so nothing is counted only in memory. One caller at a time (an approval card's push,
// a loop of pushes one after another) is written at once, as before: its pace is its own round trips.

/** Numbers, or maps of numbers, to add to the counted document's fields. */
export type Increments = { readonly [field: string]: number | Increments };

export interface CoalescedIncrements {
  /** adds `delta` to the counted document (through a shard); resolves once it is written */
  add(counted: DocumentReference, delta: Increments): Promise<void>;
}

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

interface Pending {
  sum: Record<string, unknown>;
  waiters: Waiter[];
  timer?: ReturnType<typeof setTimeout>;
  writing: boolean;
  lastWriteAt: number;
  /** increments the last write carried: more than one means callers side by side */
  lastCarried: number;
}

/** One write a second per counted document: with 16 shards, 16 senders side by side stay under 1/s each. */
export const COALESCE_GAP_MS = 1000;

export function createCoalescedIncrements(o: { gapMs?: number } = {}): CoalescedIncrements {
  const gapMs = o.gapMs ?? COALESCE_GAP_MS;
  const byDoc = new Map<string, Pending & { ref: DocumentReference }>();

  const schedule = (p: Pending & { ref: DocumentReference }) => {
    if (p.timer || p.writing || p.waiters.length === 0) return;
    const wait = p.lastCarried > 1 ? Math.max(0, p.lastWriteAt + gapMs - Date.now()) : 0;
    // even with no wait, increments of the same moment (a multicast's members) go in one write
    p.timer = setTimeout(() => void write(p), wait);
  };

  const write = async (p: Pending & { ref: DocumentReference }) => {
    p.timer = undefined;
    const { sum, waiters } = p;
    p.sum = {};
    p.waiters = [];
    p.writing = true;
    p.lastWriteAt = Date.now();
    p.lastCarried = waiters.length;
    try {
      await counterShard(p.ref).set(asFieldIncrements(sum), { merge: true });
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of waiters) w.reject(err);
    } finally {
      p.writing = false;
      if (p.waiters.length > 0) schedule(p);
      else {
        // forgotten once idle for a gap (so the next increment still waits out this write's gap)
        const idle = setTimeout(() => {
          if (p.waiters.length === 0 && !p.writing && !p.timer) byDoc.delete(p.ref.path);
        }, gapMs);
        idle.unref?.();
      }
    }
  };

  return {
    add(counted, delta) {
      const p = byDoc.get(counted.path) ?? {
        ref: counted,
        sum: {},
        waiters: [],
        writing: false,
        lastWriteAt: 0,
        lastCarried: 0,
      };
      byDoc.set(counted.path, p);
      addInto(p.sum, delta);
      const written = new Promise<void>((resolve, reject) => p.waiters.push({ resolve, reject }));
      schedule(p);
      return written;
    },
  };
}

function addInto(sum: Record<string, unknown>, delta: Increments): void {
  for (const [k, v] of Object.entries(delta)) {
    if (typeof v === 'number') sum[k] = (typeof sum[k] === 'number' ? (sum[k] as number) : 0) + v;
    else {
      const inner = (typeof sum[k] === 'object' && sum[k] !== null ? sum[k] : {}) as Record<string, unknown>;
      addInto(inner, v);
      sum[k] = inner;
    }
  }
}

function asFieldIncrements(sum: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(sum).map(([k, v]) => [
      k,
      typeof v === 'number' ? FieldValue.increment(v) : asFieldIncrements(v as Record<string, unknown>),
    ]),
  );
}

const perDatabase = new WeakMap<object, CoalescedIncrements>();

/**
 * The process's one coalescer for a database: the municipalities one instance serves side by side share
 * it, so together they still write a deployment-wide counter (the message budget's month) once a gap.
 */
export function coalescedIncrementsOf(db: object): CoalescedIncrements {
  let c = perDatabase.get(db);
  if (!c) {
    c = createCoalescedIncrements();
    perDatabase.set(db, c);
  }
  return c;
}
