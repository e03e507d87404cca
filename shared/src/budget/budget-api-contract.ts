import type { HeldBackReason } from './message-budget';

// GET /api/hr/message-budget: the LINE message quota this month as HR's dashboard shows it. The figure
// is the deployment's (one LINE Official Account); each municipality's share is what it sent.

export interface MessageBudgetSummary {
  /** LINE's month, e.g. 2026-12 */
  readonly month: string;
  /** null: no limit set on the Official Account */
  readonly limit: number | null;
  readonly used: number;
  readonly remaining: number | null;
  /** LINE has refused sends this month (429 monthly limit) or nothing remains */
  readonly closed: boolean;
  /** what the morning jobs still plan to push this month (one digest per person per working day) */
  readonly forecast: {
    readonly scheduled: number;
    /** used + scheduled */
    readonly projected: number;
    readonly exceedsLimit: boolean;
  };
  readonly heldBack: {
    readonly total: number;
    readonly byReason: Readonly<Partial<Record<HeldBackReason, number>>>;
    /** the latest few, newest first */
    readonly recent: readonly {
      readonly at: string;
      readonly purpose: string;
      readonly reason: HeldBackReason;
      readonly recipients: number;
    }[];
  };
  /** whether HR has been told this month (in LINE), or only here on the dashboard */
  readonly hrTold: 'line' | 'dashboard' | null;
  /** messages each municipality of the deployment sent this month, counted by the bot */
  readonly shares: readonly {
    readonly municipalityId: string;
    readonly name: string;
    readonly sent: number;
  }[];
}
