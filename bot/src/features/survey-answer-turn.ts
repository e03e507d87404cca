import type { SurveyEffect, SurveyFacts, SurveyLookup } from '@phattana/shared';
import { staffRecords } from '../people/staff-record-repository';
import type { ReadIo, TurnFeature, WriteIo } from '../store/turn-feature';
import { storeSurveyPhoto } from '../surveys/store-survey-photo';
import { runSurveyJobs } from '../surveys/survey-jobs';
import type { SurveyTask } from '../surveys/survey-tasks';
import { applySurveyEffect, resolveSurveyLookup, type SurveyRead } from '../surveys/survey-turn-io';
import { taskCollections, taskDigest, taskSender } from './task-senders';

// Surveys at the edge: the survey, the person's draft and completion are read in the turn, so a closed
// survey or a second submission is refused against stored data; photos and invitations are tasks.

interface Read {
  /** surveys read in this turn, by id: only these may be submitted */
  readonly surveys: Map<string, SurveyRead>;
}

const lookup =
  <K extends SurveyLookup['type']>() =>
  async (l: Extract<SurveyLookup, { type: K }>, io: ReadIo<Read>) => {
    const facts: { -readonly [F in keyof SurveyFacts]: SurveyFacts[F] } = {};
    const read = await resolveSurveyLookup(io.tx, l, io.person, io.c, facts, io.at);
    if (read) io.scratch.surveys.set(read.survey.id, read);
    return facts[l.type as K] as SurveyFacts[K];
  };

const write = (effect: SurveyEffect, io: WriteIo<Read>) =>
  applySurveyEffect(effect, io.w, io.c, io.person, io.scratch.surveys);

export const surveyAnswerTurn: TurnFeature<SurveyEffect, SurveyLookup, SurveyFacts, SurveyTask, Read> = {
  id: 'surveyAnswer',
  scratch: () => ({ surveys: new Map() }),
  lookups: { survey: lookup<'survey'>(), myOpenSurveys: lookup<'myOpenSurveys'>() },
  effects: {
    // an ordinary answer: the person's own draft, written whole
    surveyDraftSaved: { batchable: true, write },
    surveySubmitted: { write },
    surveyPhotoReceived: { batchable: true, write },
  },
  tasksFor: (x) =>
    x.type === 'surveyPhotoReceived'
      ? [{ type: 'storeSurveyPhoto', surveyId: x.surveyId, messageId: x.messageId }]
      : [],
  tasks: {
    async storeSurveyPhoto(task, io) {
      if (!io.media) throw new Error('storeSurveyPhoto: no media store configured');
      if (!io.signer) throw new Error('storeSurveyPhoto: no survey settings configured');
      const c = taskCollections(io, task.municipalityId);
      const sender = taskSender(io, io.signer, c.notifications);
      const outcome = await storeSurveyPhoto(
        {
          survey: c.surveys.doc(task.surveyId),
          staff: staffRecords(c),
          surveyCompletions: c.surveyCompletions,
          media: io.media,
          line: io.line,
          sender,
        },
        task.messageId,
      );
      io.logger.info('survey_photo.done', { surveyId: task.surveyId, messageId: task.messageId, outcome });
    },
    async surveyInvitations(task, io) {
      if (!io.signer || !io.calendar) throw new Error('surveyInvitations: no survey settings configured');
      const c = taskCollections(io);
      const now = io.clock();
      // the same invitation to everyone: gathered, then sent as multicasts
      const digest = taskDigest(io, io.signer, c.notifications);
      const r = await runSurveyJobs(
        {
          db: io.db,
          c,
          line: io.line,
          signer: io.signer,
          calendar: await io.calendar(),
          logger: io.logger,
          sender: digest.sender,
        },
        now,
        { surveyId: task.surveyId },
      );
      const sent = await digest.flush();
      io.logger.info('survey_invitations.done', {
        surveyId: task.surveyId,
        skipped: r.skipped ?? null,
        multicasts: sent.multicasts,
        pushes: sent.pushes,
      });
    },
  },
};
