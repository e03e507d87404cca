import type { ExternalTrainingDraft } from '../flows/external-training';
import type { ConsentRecord } from '../people/privacy-notice';
import type { IsoDate } from '../text/thai-date';

/**
 * Side effects a turn asks for, as data. The edge writes them in the same Firestore transaction as the
 * conversation state, so a turn is all-or-nothing.
 */
export type Effect =
  | { readonly type: 'externalTrainingSubmitted'; readonly training: Required<ExternalTrainingDraft> }
  | { readonly type: 'consentRecorded'; readonly consent: ConsentRecord }
  /** link this LINE account to the staff record; the edge re-checks and marks the invite used */
  | { readonly type: 'accountLinked'; readonly employeeId: string; readonly via: 'invite' | 'employeeCode' }
  /** a PDPA request, logged with the date by which it must be answered */
  | { readonly type: 'dataRequestLogged'; readonly kind: 'access' | 'deletion'; readonly dueBy: IsoDate };
