// What HR's invite-code page and the API that serves it agree on (bot/src/people/invite-roster.ts writes
// it, liff/src/pages/hr-invites-page.tsx reads it): one definition, so the two cannot drift.

/** An active member of staff on HR's invite roster. */
export interface RosterPerson {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly position: string | null;
  readonly divisionId: string | null;
  readonly linked: boolean;
  /** the latest code that still works, if any */
  readonly invite: { readonly code: string; readonly expiresAt: string } | null;
}
