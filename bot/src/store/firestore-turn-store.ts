import { createHmac } from 'node:crypto';
import {
  type ConsentRecord,
  type ConversationState,
  type CreditPrior,
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
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  Timestamp,
  type Transaction,
} from 'firebase-admin/firestore';
import { applyBroadcastEffect } from '../broadcast/broadcast-effects';
import {
  applyReportEffect,
  isReportLookup,
  type ReportCollections,
  resolveNotifications,
  resolveReportLookup,
} from '../reports/report-turn-io';
import { readCreditPriors } from '../stats/credit-prior';
import {
  applySurveyEffect,
  isSurveyLookup,
  resolveSurveyLookup,
  type SurveyCollections,
  type SurveyRead,
} from '../surveys/survey-turn-io';
import { createConversationCache, type KnownConversation } from './conversation-cache';
import { applyWrites, mergeWrites, updateArgs } from './merge-writes';
import type { TurnStore } from './turn-store';
import type { TurnWriter } from './turn-writer';
import { withoutUndefined } from './without-undefined';

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
  /** post-training reports, the hours ledger and what the approval chain needs */
  reports: ReportCollections;
  /** HR reminder broadcasts */
  broadcasts: CollectionReference;
  /** surveys, the people's drafts and completions, and the staff records they need */
  surveys: SurveyCollections;
}

export interface FirestoreTurnStoreOptions {
  /** secret mixed into birth-date hashes (the same one the employee import uses) */
  birthDatePepper: string;
  /** conversation documents kept in memory between a person's turns (0: read at every turn) */
  rememberedConversations?: number;
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
 * Effects an optimistic turn may write: blind writes whose only condition is the conversation document
 * itself. Anything else (and any effect added later) runs in a transaction.
 */
const BATCHABLE_EFFECTS: ReadonlySet<Effect['type']> = new Set([
  'externalTrainingSubmitted',
  'consentRecorded',
  'dataRequestLogged',
  // an ordinary survey answer: the person's own draft, written whole
  'surveyDraftSaved',
  'surveyPhotoReceived',
]);

/** Optimistic attempts before a turn gives up (and LINE redelivers the event). */
const OPTIMISTIC_ATTEMPTS = 5;

/**
 * Conversation state in Firestore. The de-duplication record lives in the person's own conversation
 * document. An ordinary turn reads that document (or remembers it from the person's previous turn),
 * decides, and commits state, event id and effects in one batch on the condition that the document is
 * unchanged since it was read; if it changed, the turn starts again. Turns with lookups (an invite, a
 * staff record, a report) read and write in one transaction instead, so a code cannot be used twice.
 */
export function createFirestoreTurnStore(
  db: Firestore,
  c: FirestoreTurnStoreCollections,
  o: FirestoreTurnStoreOptions,
): TurnStore {
  const known = createConversationCache({
    maxEntries: o.rememberedConversations ?? 1000,
    maxAgeMs: 10 * 60_000,
  });
  const transactional: Pick<TurnStore, 'runTurn'> = {
    async runTurn(input, plan) {
      known.forget(input.userId); // a transaction does not say when it wrote
      const stateRef = c.conversations.doc(input.userId);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(stateRef);
        const { recent, state, stored } = readTurn(snap.data());
        if (recent.includes(input.eventId)) return { duplicate: true } as const;
        const lookups = plan.lookups(state);
        const { facts, docs } = await resolveLookups(tx, lookups, { ...input, person: stored.person }, c, o);
        const outcome = plan.decide(state, stored, facts);
        // who to tell after the commit, read before the first write as Firestore requires
        const notices = await resolveNotifications(tx, outcome.effects, c.employees);
        // what each credit adds to the dashboard stats depends on the person's totals so far
        docs.credits = await readCreditPriors(tx, outcome.effects, c.reports);
        const now = Timestamp.now();
        let person = stored.person;
        const update = conversationUpdate(outcome.state, recent, input, now);
        for (const effect of outcome.effects) {
          const linked = applyEffect(effect, { ...input, person }, docs, c, tx, now, update);
          if (linked) person = linked;
        }
        tx.set(stateRef, update, { merge: true });
        return {
          duplicate: false,
          result: outcome.result,
          person,
          notifications: notices.send,
          notificationsSkipped: notices.skipped,
        } as const;
      });
    },
  };
  return {
    async runTurn(input, plan) {
      const stateRef = c.conversations.doc(input.userId);
      for (let attempt = 1; ; attempt++) {
        const seen = known.get(input.userId) ?? (await readConversation(stateRef));
        const data = seen?.data;
        const { recent, state, stored } = readTurn(data);
        if (recent.includes(input.eventId)) return { duplicate: true } as const;
        if (plan.lookups(state).length > 0) return transactional.runTurn(input, plan);
        const outcome = plan.decide(state, stored, {});
        if (!outcome.effects.every((e) => BATCHABLE_EFFECTS.has(e.type))) {
          return transactional.runTurn(input, plan);
        }
        const batch = db.batch();
        const now = Timestamp.now();
        let person = stored.person;
        const update = conversationUpdate(outcome.state, recent, input, now);
        for (const effect of outcome.effects) {
          const linked = applyEffect(
            effect,
            { ...input, person },
            { reports: new Map(), surveys: new Map() },
            c,
            batch,
            now,
            update,
          );
          if (linked) person = linked;
        }
        // The same change as the transaction's set-with-merge, as field paths: update() takes a precondition.
        const writes = mergeWrites(update);
        if (seen) batch.update(stateRef, ...updateArgs(writes), { lastUpdateTime: seen.updateTime });
        else batch.create(stateRef, update);
        try {
          const results = await batch.commit(); // the conversation document is written last
          const after = applyWrites(data ?? {}, writes);
          const updateTime = results[results.length - 1]?.writeTime;
          if (after && updateTime) known.set(input.userId, { updateTime, data: after });
          else known.forget(input.userId);
          return { duplicate: false, result: outcome.result, person } as const;
        } catch (err) {
          known.forget(input.userId);
          if (!isWriteConflict(err) || attempt >= OPTIMISTIC_ATTEMPTS) throw err;
          // the first retry is usually a stale memory, not contention: read again at once
          if (attempt > 1) await sleep(Math.random() * 25 * 2 ** attempt);
        }
      }
    },
    async setFollowing(userId, following, at) {
      known.forget(userId);
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

/** What a turn needs from the person's conversation document. */
function readTurn(data: DocumentData | undefined) {
  return {
    recent: (data?.recentEventIds as string[] | undefined) ?? [],
    state: data?.state as ConversationState | undefined,
    stored: {
      person: data?.person as PersonContext | undefined,
      consent: data?.consent as ConsentRecord | undefined,
    },
  };
}

/** The conversation document's change for a turn; effects may add to it (consent, the linked person). */
function conversationUpdate(
  state: ConversationState,
  recent: readonly string[],
  input: { eventId: string; eventTimestamp: number },
  now: Timestamp,
): Record<string, unknown> {
  return {
    state: withoutUndefined(state),
    recentEventIds: [...recent.slice(-(REMEMBERED_EVENT_IDS - 1)), input.eventId],
    lastEventAt: Timestamp.fromMillis(input.eventTimestamp),
    updatedAt: now,
  };
}

async function readConversation(ref: DocumentReference): Promise<KnownConversation | undefined> {
  const snap = await ref.get();
  return snap.exists && snap.updateTime
    ? { updateTime: snap.updateTime, data: snap.data() ?? {} }
    : undefined;
}

/** Another write reached the conversation document first (or created it): the turn must start over. */
function isWriteConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  // NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED
  return code === 5 || code === 6 || code === 9 || code === 10;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface ResolvedDocs {
  invite?: DocumentSnapshot;
  employee?: DocumentSnapshot;
  /** reports read in this turn, by id: only these may be written */
  reports: Map<string, DocumentSnapshot>;
  /** what each `hoursCredited` effect's credit read first, by ledger entry id */
  credits?: ReadonlyMap<string, CreditPrior>;
  /** surveys read in this turn, by id: only these may be submitted */
  surveys: Map<string, SurveyRead>;
}

async function resolveLookups(
  tx: Transaction,
  lookups: readonly Lookup[],
  { userId, at, person }: { userId: string; at: Date; person?: PersonContext },
  c: FirestoreTurnStoreCollections,
  o: FirestoreTurnStoreOptions,
): Promise<{ facts: Facts; docs: ResolvedDocs }> {
  const facts: { -readonly [K in keyof Facts]: Facts[K] } = {};
  const docs: ResolvedDocs = { reports: new Map(), surveys: new Map() };
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
    if (isReportLookup(l)) {
      const read = await resolveReportLookup(tx, l, person, c.reports, facts);
      if (read) docs.reports.set(read.id, read);
    } else if (isSurveyLookup(l)) {
      const read = await resolveSurveyLookup(tx, l, person, c.surveys, facts, at);
      if (read) docs.surveys.set(read.survey.id, read);
    } else if (l.type === 'invite') {
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
    } else if (l.type === 'employeeByCode') {
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

/** Writes one effect with the turn's state (transaction or batch); returns the person when linked. */
function applyEffect(
  effect: Effect,
  input: { userId: string; eventId: string; person?: PersonContext },
  docs: ResolvedDocs,
  c: FirestoreTurnStoreCollections,
  tx: TurnWriter,
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
    case 'reportSaved':
    case 'hoursCredited':
    case 'reportPhotoReceived':
    case 'notifyEmployee':
      applyReportEffect(effect, tx, c.reports, now, docs.reports, docs.credits);
      return undefined;
    case 'broadcastRequested':
    case 'broadcastConfirmed':
    case 'broadcastCancelled':
      applyBroadcastEffect(effect, tx, c.broadcasts, input, now);
      return undefined;
    case 'surveyDraftSaved':
    case 'surveySubmitted':
    case 'surveyPhotoReceived':
      applySurveyEffect(effect, tx, c.surveys, input.person, docs.surveys);
      return undefined;
  }
}
