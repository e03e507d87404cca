import type { PostbackSigner } from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import type { StaffRecords } from '../people/staff-record-repository';
import type { Logger } from '../runtime/logger';
import { withMessageBudget } from './budget-gate';
import { createFirestoreBudgetLedger } from './budget-ledger';
import { createHrBudgetNotice } from './hr-budget-notice';
import { createMessageBudget, type MessageBudget } from './message-budget';

/** The message budget as the bot runs it: LINE's figures, the Firestore ledger, HR told in LINE. */
export function createBotMessageBudget(d: {
  db: Firestore;
  /** the deployment's months (messageBudget/{month}), shared by every municipality it serves */
  months: CollectionReference;
  /** the client under the gate (LINE's figures are read from it) */
  line: LineClient;
  /** the municipality's staff records: HR is told when the month's quota runs out */
  staff: StaffRecords;
  municipalityId: string;
  signer: PostbackSigner;
  clock: () => Date;
  logger: Logger;
}): MessageBudget {
  // HR's notice passes the gate like any push: essential, so it goes while anything remains, and
  // counted. It cannot loop: the gate tells HR only for the one caller that claims the month's notice.
  const gated: Pick<LineClient, 'push'> = {
    push: (...a) => withMessageBudget(d.line, budget).push(...a),
  };
  const budget: MessageBudget = createMessageBudget({
    line: d.line,
    ledger: createFirestoreBudgetLedger(d.db, d.months),
    municipalityId: d.municipalityId,
    clock: d.clock,
    logger: d.logger,
    tellHr: createHrBudgetNotice({ line: gated, staff: d.staff, signer: d.signer, clock: d.clock }),
  });
  return budget;
}
