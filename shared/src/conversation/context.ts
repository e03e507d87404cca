import type { WorkingDayCalendar } from '../calendar/working-days';
import type { Role } from '../domain/organisation';
import type { ConsentRecord } from '../people/privacy-notice';

/** Who is talking, once their LINE account is linked to a staff record. */
export interface PersonContext {
  readonly employeeId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/**
 * What a flow knows besides its own state. `X` are the facts the flow asked the edge to look up inside
 * the turn's transaction (pure flows cannot read Firestore); each feature names its own, keyed by the
 * lookup's `type`.
 */
/** The facts of a flow that looks nothing up. */
export type NoFacts = Readonly<Record<never, never>>;

export interface TurnContext<X = NoFacts> {
  readonly person?: PersonContext;
  readonly consent?: ConsentRecord;
  readonly facts?: X;
  /** the municipality's name and retention setting, for the privacy notice */
  readonly privacy: {
    readonly municipalityName: string;
    readonly retentionYears: number;
    readonly contact: string;
  };
  /** the LIFF app, for buttons that open its pages */
  readonly liffId?: string;
  /** working days with the municipality's holidays, for due dates */
  readonly calendar?: WorkingDayCalendar;
}
