// The scheduler messages people only in the Thai daytime: reminders, survey invitations and notices
// all keep to the same hours, so nobody's phone buzzes at night whichever job sends.

export interface QuietHours {
  /** first and last local hour (Asia/Bangkok) in which the scheduler may message people */
  readonly from: number;
  readonly until: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: 8, until: 20 };

/** The hour (0–23) in Bangkok. */
export const bangkokHour = (d: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', hour12: false }).format(d),
  );

/** Whether `now` falls outside the hours in which people may be messaged. */
export function isQuietHour(now: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const hour = bangkokHour(now);
  return hour < quiet.from || hour >= quiet.until;
}
