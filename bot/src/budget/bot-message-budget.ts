import type { PostbackSigner } from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import type { Logger } from '../runtime/logger';
import { createFirestoreBudgetLedger } from './budget-ledger';
import { createHrBudgetNotice } from './hr-budget-notice';
import { createMessageBudget, type MessageBudget } from './message-budget';

/** The message budget as the bot runs it: LINE's figures, the Firestore ledger, HR told in LINE. */
export function createBotMessageBudget(d: {
  db: Firestore;
  /** the client under the gate: the HR notice must not be gated by the budget it reports on */
  line: LineClient;
  employees: CollectionReference;
  municipalityId: string;
  signer: PostbackSigner;
  clock: () => Date;
  logger: Logger;
}): MessageBudget {
  return createMessageBudget({
    line: d.line,
    ledger: createFirestoreBudgetLedger(d.db),
    municipalityId: d.municipalityId,
    clock: d.clock,
    logger: d.logger,
    tellHr: createHrBudgetNotice({ line: d.line, employees: d.employees, signer: d.signer, clock: d.clock }),
  });
}
