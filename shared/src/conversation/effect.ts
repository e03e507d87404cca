import type { ExternalTrainingDraft } from '../flows/external-training';
import type { ConsentRecord } from '../people/privacy-notice';

/**
 * Side effects a turn asks for, as data. The edge writes them in the same Firestore transaction as the
 * conversation state, so a turn is all-or-nothing.
 */
export type Effect =
  | { readonly type: 'externalTrainingSubmitted'; readonly training: Required<ExternalTrainingDraft> }
  | { readonly type: 'consentRecorded'; readonly consent: ConsentRecord }
  /** link this LINE account to the staff record; the edge re-checks and marks the invite used */
  | { readonly type: 'accountLinked'; readonly employeeId: string; readonly via: 'invite' | 'employeeCode' };
