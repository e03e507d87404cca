import type { ExternalTrainingDraft } from '../flows/external-training';

/**
 * Side effects a turn asks for, as data. The edge writes them in the same Firestore transaction as the
 * conversation state, so a turn is all-or-nothing.
 */
export type Effect = {
  readonly type: 'externalTrainingSubmitted';
  readonly training: Required<ExternalTrainingDraft>;
};
