import type { Effect } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { TURN_FEATURES, turnFeatures } from '../src/features/registry';
import { indexTurnFeatures } from '../src/store/turn-features';

// The bot's adapters, without Firestore: who owns which effect, which effects may ride in the
// optimistic batch, and which slow work each effect queues after the commit.

const effect = <T extends Effect['type']>(e: Extract<Effect, { type: T }>) => e;

describe('the bot registry of chat features', () => {
  it('batches exactly the blind writes (the old BATCHABLE_EFFECTS) and nothing that reads first', () => {
    const batchable = TURN_FEATURES.flatMap((f) =>
      Object.entries(f.effects ?? {}).flatMap(([type, h]) =>
        (h as { batchable?: boolean }).batchable ? [type] : [],
      ),
    ).sort();
    expect(batchable).toEqual([
      'consentRecorded',
      'dataRequestLogged',
      'externalTrainingSubmitted',
      // the weekly library digest turned off or on in chat: a merge on the person's staff record
      'libraryDigestChoice',
      'surveyDraftSaved',
      'surveyPhotoReceived',
    ]);
    expect(turnFeatures.batchable({ type: 'accountLinked' })).toBe(false);
    expect(turnFeatures.batchable({ type: 'surveySubmitted' })).toBe(false);
  });

  it('queues each feature’s own tasks for its effects, and none for the others', () => {
    const tasks = turnFeatures.tasksFor([
      effect<'reportPhotoReceived'>({ type: 'reportPhotoReceived', reportId: 'R1', messageId: 'm1' }),
      effect<'surveyPhotoReceived'>({
        type: 'surveyPhotoReceived',
        surveyId: 'S1',
        questionId: 'q',
        messageId: 'm2',
      }),
      effect<'broadcastRequested'>({
        type: 'broadcastRequested',
        broadcastId: 'B1',
        filter: { kind: 'overdue' },
        today: '2026-12-07',
      }),
      effect<'broadcastConfirmed'>({
        type: 'broadcastConfirmed',
        broadcastId: 'B1',
        confirmedAt: '2026-12-07T03:00:00Z',
      }),
      effect<'dataRequestLogged'>({ type: 'dataRequestLogged', kind: 'access', dueBy: '2027-01-06' }),
    ]);
    expect(tasks).toEqual([
      { type: 'storeReportPhoto', reportId: 'R1', messageId: 'm1' },
      { type: 'storeSurveyPhoto', surveyId: 'S1', messageId: 'm2' },
      { type: 'broadcastPrepare', broadcastId: 'B1' },
      { type: 'broadcastSend', broadcastId: 'B1' },
    ]);
    for (const t of tasks) expect(turnFeatures.taskOf(t.type)).toBeTypeOf('function');
    expect(turnFeatures.taskOf('push')).toBeUndefined();
  });

  it('refuses an effect no adapter writes, and a second claim at start-up', () => {
    expect(() => turnFeatures.effectOf('nobodysEffect')).toThrow(/no adapter writes effect nobodysEffect/);
    expect(() => turnFeatures.lookupOf('nobodysLookup')).toThrow(/no adapter answers lookup/);
    expect(() => indexTurnFeatures([...TURN_FEATURES, { ...TURN_FEATURES[0], id: 'copy' }])).toThrow(
      /claimed twice/,
    );
    expect(() =>
      indexTurnFeatures([{ id: 'pusher', tasks: { push: async () => undefined } }] as never),
    ).toThrow(/task push claimed twice/);
  });
});
