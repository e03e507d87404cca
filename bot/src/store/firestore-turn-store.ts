import { createHmac } from 'node:crypto';
import {
  type ConsentRecord,
  type ConversationState,
  type Effect,
  type EmployeeFact,
  type Facts,
  isInviteUsable,
  type Lookup,
  type PersonContext,
  type Role,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentSnapshot,
  type Firestore,
  Timestamp,
  type Transaction,
} from 'firebase-admin/firestore';
import type { TurnStore } from './turn-store';

export interface FirestoreTurnStoreCollections {
  /** one document per LINE user: conversation state, the ids of its latest events, follow status */
  conversations: CollectionReference;
  /** external trainings reported from chat, for HR to verify */
  externalTrainings: CollectionReference;
  /** the municipality's staff records, keyed by employee id (= code) */
  employees: CollectionReference;
  /** one-time invite codes HR issued, keyed by code */
  invites: CollectionReference;
  /** PDPA access and deletion requests, with the date they must be answered by */
  dataRequests: CollectionReference;
}

export interface FirestoreTurnStoreOptions {
  /** secret mixed into birth-date hashes (the same one the employee import uses) */
  birthDatePepper: string;
}

/**
 * How many of a person's latest webhook event ids are remembered for de-duplication. LINE redelivers
 * an event within minutes of the first attempt; nobody sends this many messages in that time.
 */
export const REMEMBERED_EVENT_IDS = 100;

/** The birth date is never stored, only this keyed hash of it with the employee code. */
export function birthDateHash(pepper: string, code: string, birthDate: string): string {
  return createHmac('sha256', pepper).update(`${code}|${birthDate}`).digest('hex');
}

/**
 * Conversation state in Firestore. The de-duplication record lives in the person's own conversation
 * document, so an ordinary turn is one transaction of one read and one write; turns that link an
 * account read the staff record or invite too, in the same transaction, so a code cannot be used twice.
 */
export function createFirestoreTurnStore(
  db: Firestore,
  c: FirestoreTurnStoreCollections,
  o: FirestoreTurnStoreOptions,
): TurnStore {
  return {
    async runTurn(input, plan) {
      const stateRef = c.conversations.doc(input.userId);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(stateRef);
        const recent = (snap.exists ? (snap.get('recentEventIds') as string[] | undefined) : undefined) ?? [];
        if (recent.includes(input.eventId)) return { duplicate: true } as const;
        const state = snap.exists ? (snap.get('state') as ConversationState | undefined) : undefined;
        const stored = {
          person: snap.exists ? (snap.get('person') as PersonContext | undefined) : undefined,
          consent: snap.exists ? (snap.get('consent') as ConsentRecord | undefined) : undefined,
        };
        const lookups = plan.lookups(state);
        const { facts, docs } = await resolveLookups(tx, lookups, input, c, o);
        const outcome = plan.decide(state, stored, facts);
        const now = Timestamp.now();
        let person = stored.person;
        const update: Record<string, unknown> = {
          state: stripUndefined(outcome.state),
          recentEventIds: [...recent.slice(-(REMEMBERED_EVENT_IDS - 1)), input.eventId],
          lastEventAt: Timestamp.fromMillis(input.eventTimestamp),
          updatedAt: now,
        };
        for (const effect of outcome.effects) {
          const linked = applyEffect(effect, { ...input, person }, docs, c, tx, now, update);
          if (linked) person = linked;
        }
        tx.set(stateRef, update, { merge: true });
        return { duplicate: false, result: outcome.result, person } as const;
      });
    },
    async setFollowing(userId, following, at) {
      const ref = c.conversations.doc(userId);
      await db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        const person = snap.exists ? (snap.get('person') as PersonContext | undefined) : undefined;
        const when = Timestamp.fromDate(at);
        tx.set(ref, { following, followChangedAt: when }, { merge: true });
        // Reminders go by the staff record: mark the link inactive there too, history stays.
        if (person) tx.set(c.employees.doc(person.employeeId), { lineFollowing: following }, { merge: true });
      });
    },
  };
}

interface ResolvedDocs {
  invite?: DocumentSnapshot;
  employee?: DocumentSnapshot;
}

async function resolveLookups(
  tx: Transaction,
  lookups: readonly Lookup[],
  { userId, at }: { userId: string; at: Date },
  c: FirestoreTurnStoreCollections,
  o: FirestoreTurnStoreOptions,
): Promise<{ facts: Facts; docs: ResolvedDocs }> {
  const facts: { -readonly [K in keyof Facts]: Facts[K] } = {};
  const docs: ResolvedDocs = {};
  const employeeFact = (snap: DocumentSnapshot): EmployeeFact => {
    const lineUserId = snap.get('lineUserId') as string | undefined;
    return {
      employeeId: snap.id,
      name: String(snap.get('name') ?? ''),
      roles: (snap.get('roles') as Role[] | undefined) ?? ['staff'],
      linkedToAnother: Boolean(lineUserId && lineUserId !== userId),
    };
  };
  for (const l of lookups) {
    if (l.type === 'invite') {
      const invite = await tx.get(c.invites.doc(l.code));
      docs.invite = invite;
      if (!invite.exists) {
        facts.invite = { status: 'notFound' };
        continue;
      }
      const usable = isInviteUsable(
        {
          code: invite.id,
          employeeId: String(invite.get('employeeId')),
          expiresAt: String(invite.get('expiresAt')),
          usedBy: invite.get('usedBy') as string | undefined,
          revoked: invite.get('revoked') as boolean | undefined,
        },
        at,
      );
      if (usable !== 'ok') {
        facts.invite = { status: usable };
        continue;
      }
      const employee = await tx.get(c.employees.doc(String(invite.get('employeeId'))));
      docs.employee = employee;
      facts.invite =
        !employee.exists || employee.get('active') === false
          ? { status: 'employeeInactive' }
          : { status: 'ok', employee: employeeFact(employee) };
    } else {
      const employee = await tx.get(c.employees.doc(l.code));
      docs.employee = employee;
      const matches =
        employee.exists &&
        employee.get('birthDateHash') === birthDateHash(o.birthDatePepper, l.code, l.birthDate);
      facts.employeeByCode = !matches
        ? { status: 'noMatch' }
        : employee.get('active') === false
          ? { status: 'employeeInactive' }
          : { status: 'ok', employee: employeeFact(employee) };
    }
  }
  return { facts, docs };
}

/** Writes one effect inside the turn's transaction; returns the person when the account was linked. */
function applyEffect(
  effect: Effect,
  input: { userId: string; eventId: string; person?: PersonContext },
  docs: ResolvedDocs,
  c: FirestoreTurnStoreCollections,
  tx: Transaction,
  now: Timestamp,
  conversation: Record<string, unknown>,
): PersonContext | undefined {
  switch (effect.type) {
    case 'externalTrainingSubmitted':
      // keyed by the event, so even a retried transaction writes it once
      tx.create(c.externalTrainings.doc(input.eventId), {
        lineUserId: input.userId,
        employeeId: input.person?.employeeId ?? null,
        ...effect.training,
        status: 'pendingVerification',
        submittedAt: now,
      });
      return undefined;
    case 'consentRecorded':
      conversation.consent = effect.consent;
      return undefined;
    case 'accountLinked': {
      const employee = docs.employee;
      if (!employee?.exists || employee.id !== effect.employeeId) {
        throw new Error(`accountLinked for ${effect.employeeId} without its staff record read in this turn`);
      }
      const person: PersonContext = {
        employeeId: employee.id,
        name: String(employee.get('name') ?? ''),
        roles: (employee.get('roles') as Role[] | undefined) ?? ['staff'],
      };
      tx.set(
        employee.ref,
        { lineUserId: input.userId, lineLinkedAt: now, lineLinkedVia: effect.via, lineFollowing: true },
        { merge: true },
      );
      if (effect.via === 'invite' && docs.invite?.exists) {
        tx.update(docs.invite.ref, { usedBy: input.userId, usedAt: now });
      }
      conversation.person = person;
      return person;
    }
    case 'dataRequestLogged':
      tx.create(c.dataRequests.doc(input.eventId), {
        kind: effect.kind,
        lineUserId: input.userId,
        employeeId: input.person?.employeeId ?? null,
        dueBy: effect.dueBy,
        status: 'open',
        requestedAt: now,
      });
      return undefined;
  }
}

// Firestore refuses undefined values; drafts legitimately have unanswered (undefined) fields.
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
