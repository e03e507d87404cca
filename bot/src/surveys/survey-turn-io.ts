import { randomUUID } from 'node:crypto';
import {
  bangkokDate,
  inAudience,
  isSurveyId,
  NO_DIVISION,
  type PersonContext,
  type Respondent,
  type SurveyDefinition,
  type SurveyDraft,
  type SurveyEffect,
  type SurveyFacts,
  type SurveyLookup,
  surveyAvailability,
  surveyPersonKey,
} from '@phattana/shared';
import type { CollectionReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import { respondentOf, type StaffSource, staffRecords } from '../people/staff-record-repository';
import { EXPIRE_AT, expireAt, KEEP_DAYS } from '../store/expire-at';
import type { TurnWriter } from '../store/turn-writer';
import { withoutUndefined } from '../store/without-undefined';
import { countSurveyResponse } from './survey-counters';
import { openSurveys, surveyFromDoc } from './survey-records';

// What a conversational turn reads and writes about surveys, inside the turn's transaction: the survey,
// the person's draft and completion, and the staff record the survey needs (division, staff type,
// functional competencies). Submission writes the completion (create: a second one cannot land), the
// response (anonymous: a random id, no person, the date only), deletes the draft and counts the
// response in the survey's aggregates, all in the same transaction as the read.

export interface SurveyCollections extends StaffSource {
  /** survey definitions; answers in each one's `responses` subcollection, photos in `photos` */
  readonly surveys: CollectionReference;
  readonly surveyDrafts: CollectionReference;
  readonly surveyCompletions: CollectionReference;
}

/** What a `survey` lookup read, kept for the submission in the same turn. */
export interface SurveyRead {
  readonly survey: SurveyDefinition;
  readonly respondent?: Respondent;
  readonly completed: boolean;
}

/** Reads one survey lookup in the transaction; returns what a submission may be written against. */
export async function resolveSurveyLookup(
  tx: Transaction,
  l: SurveyLookup,
  person: Pick<PersonContext, 'employeeId'> | undefined,
  c: SurveyCollections,
  facts: { -readonly [K in keyof SurveyFacts]: SurveyFacts[K] },
  at: Date,
): Promise<SurveyRead | undefined> {
  switch (l.type) {
    case 'survey': {
      // The definition is read outside the transaction: every submission increments this document's
      // counters, and a transactional read would lock it, so people sending at the same moment would
      // deadlock on it and retry for seconds. Its status is as of this instant; what must not race
      // (the person's completion and draft) is read in the transaction.
      const surveySnap = isSurveyId(l.surveyId) ? await c.surveys.doc(l.surveyId).get() : undefined;
      if (!surveySnap?.exists) {
        facts.survey = { status: 'notFound' };
        return undefined;
      }
      const survey = surveyFromDoc(surveySnap);
      if (!person) {
        facts.survey = { status: 'ok', survey, completed: false };
        return { survey, completed: false };
      }
      const key = surveyPersonKey(l.surveyId, person.employeeId);
      const [[draftSnap, completionSnap], employee] = await Promise.all([
        tx.getAll(c.surveyDrafts.doc(key), c.surveyCompletions.doc(key)),
        staffRecords(c).byId(person.employeeId, { tx }),
      ]);
      const respondent = respondentOf(employee);
      const completed = Boolean(completionSnap?.exists);
      const draft = draftSnap?.exists ? draftFromDoc(draftSnap) : undefined;
      facts.survey = {
        status: 'ok',
        survey,
        completed,
        ...(draft && !completed ? { draft } : {}),
        ...(respondent ? { respondent } : {}),
      };
      return { survey, completed, ...(respondent ? { respondent } : {}) };
    }
    case 'myOpenSurveys': {
      facts.myOpenSurveys = person ? await readMyOpenSurveys(tx, person.employeeId, c, bangkokDate(at)) : [];
      return undefined;
    }
  }
}

export async function readMyOpenSurveys(
  tx: Transaction,
  employeeId: string,
  c: SurveyCollections,
  today: string,
): Promise<NonNullable<SurveyFacts['myOpenSurveys']>> {
  const me = respondentOf(await staffRecords(c).byId(employeeId, { tx }));
  if (!me) return [];
  // outside the transaction for the same reason as the `survey` lookup: a listing must not lock the
  // survey documents that other people's submissions are counting into
  const open = (await openSurveys(c.surveys).get()).docs
    .map(surveyFromDoc)
    .filter((s) => surveyAvailability(s, today) === 'open' && inAudience(s.audience, me));
  if (open.length === 0) return [];
  const keys = open.map((s) => surveyPersonKey(s.id, employeeId));
  const [completions, drafts] = await Promise.all([
    tx.getAll(...keys.map((k) => c.surveyCompletions.doc(k))),
    tx.getAll(...keys.map((k) => c.surveyDrafts.doc(k))),
  ]);
  return open
    .map((s, i) => ({ s, done: completions[i]?.exists === true, started: drafts[i]?.exists === true }))
    .filter((x) => !x.done)
    .map(({ s, started }) => ({ id: s.id, title: s.title, kind: s.kind, closesOn: s.closesOn, started }))
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn) || a.id.localeCompare(b.id));
}

/** Where a survey photo's outcome is recorded (and, in storage, its bytes). */
export const surveyPhotoDoc = (c: Pick<SurveyCollections, 'surveys'>, surveyId: string, messageId: string) =>
  c.surveys.doc(surveyId).collection('photos').doc(messageId);

/**
 * Writes one survey effect. A submission must be for a survey this turn read (its `survey` lookup), so
 * the completion and the response are decided against stored data, never against the flow's memory.
 */
export function applySurveyEffect(
  effect: SurveyEffect,
  w: Pick<TurnWriter, 'set' | 'create' | 'update' | 'delete'>,
  c: SurveyCollections,
  person: Pick<PersonContext, 'employeeId'> | undefined,
  read: ReadonlyMap<string, SurveyRead>,
): void {
  switch (effect.type) {
    case 'surveyDraftSaved': {
      const d = effect.draft;
      if (!person || d.employeeId !== person.employeeId)
        throw new Error(`surveyDraftSaved for ${d.employeeId} from another person's turn`);
      w.set(c.surveyDrafts.doc(surveyPersonKey(d.surveyId, d.employeeId)), {
        ...withoutUndefined(d),
        [EXPIRE_AT]: expireAt(new Date(d.updatedAt), KEEP_DAYS.surveyDraft),
      });
      return;
    }
    case 'surveySubmitted': {
      const r = read.get(effect.surveyId);
      if (!r) throw new Error(`surveySubmitted for ${effect.surveyId} without reading it in this turn`);
      if (!person || !r.respondent)
        throw new Error(`surveySubmitted for ${effect.surveyId} without an active staff record`);
      // the flow refuses a second submission from the same facts; never count one twice regardless
      if (r.completed) return;
      const key = surveyPersonKey(effect.surveyId, person.employeeId);
      // one key for "no division" everywhere: completion, response, counters and the dashboards
      const divisionId = r.respondent.divisionId || NO_DIVISION;
      const { staffType } = r.respondent;
      // create(): should two submissions ever race, the second transaction fails instead of landing
      w.create(c.surveyCompletions.doc(key), {
        surveyId: effect.surveyId,
        employeeId: person.employeeId,
        divisionId,
        completedOn: effect.today,
      });
      const responses = c.surveys.doc(effect.surveyId).collection('responses');
      const answers = withoutUndefined(effect.answers);
      if (r.survey.anonymous) {
        // nothing that leads back to the person: a random id, no employee or LINE id, no date (the
        // completion has one) and no staff type (with the division it can narrow a group to one)
        w.create(responses.doc(randomUUID()), { surveyId: effect.surveyId, answers, divisionId });
      } else {
        w.create(responses.doc(person.employeeId), {
          surveyId: effect.surveyId,
          answers,
          divisionId,
          staffType,
          submittedOn: effect.today,
          employeeId: person.employeeId,
        });
      }
      w.delete(c.surveyDrafts.doc(key));
      // the dashboards read these instead of counting responses (on a shard: see survey-counters)
      countSurveyResponse(w, c.surveys, effect.surveyId, divisionId);
      return;
    }
    case 'surveyPhotoReceived': {
      if (!person) throw new Error('surveyPhotoReceived without a linked person');
      // a pending entry the copy task settles; merge keeps an outcome already recorded
      w.set(
        surveyPhotoDoc(c, effect.surveyId, effect.messageId),
        {
          surveyId: effect.surveyId,
          questionId: effect.questionId,
          messageId: effect.messageId,
          employeeId: person.employeeId,
        },
        { merge: true },
      );
      return;
    }
  }
}

function draftFromDoc(snap: DocumentSnapshot): SurveyDraft {
  const d = snap.data() ?? {};
  return {
    surveyId: String(d.surveyId),
    employeeId: String(d.employeeId),
    answers: (d.answers as SurveyDraft['answers'] | undefined) ?? {},
    currentQuestionId: typeof d.currentQuestionId === 'string' ? d.currentQuestionId : null,
    updatedAt: typeof d.updatedAt === 'string' ? d.updatedAt : '',
  };
}
