import type { PostbackSigner, WorkingDayCalendar } from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import type { StaffSource } from '../people/staff-record-repository';
import type { OnceOnlySender } from '../reports/once-only-sender';
import type { Logger } from '../runtime/logger';
import type { QuietHours } from '../runtime/quiet-hours';

/** What the morning job's training-request senders (advance reminders, travel-order notices) are given. */
export interface RequestJobDeps {
  readonly db: Firestore;
  readonly c: StaffSource & {
    readonly trainingRequests: CollectionReference;
    readonly notifications: CollectionReference;
  };
  readonly line: LineClient;
  readonly signer: PostbackSigner;
  readonly calendar: WorkingDayCalendar;
  readonly logger: Logger;
  readonly now: Date;
  readonly liffId?: string;
  readonly quietHours?: QuietHours;
  readonly sender?: OnceOnlySender;
}
