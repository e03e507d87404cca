// One rule for every message the bot sends on its own or for HR (scheduled reminders, survey
// invitations, HR broadcasts): only in the Thai daytime, so nobody's phone buzzes at night. What comes
// up outside these hours waits for the next morning's opening hour.

export interface QuietHours {
  /** first and last local hour (Asia/Bangkok) in which the bot may message people on its own */
  readonly from: number;
  readonly until: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: 8, until: 20 };

// made once: building an Intl formatter costs far more than formatting with it
const HOUR_IN_BANGKOK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Bangkok',
  hour: '2-digit',
  hour12: false,
});

/** The hour (0–23) in Bangkok. */
export const bangkokHour = (d: Date) => Number(HOUR_IN_BANGKOK.format(d));

/** Whether `now` falls outside the hours in which people may be messaged. */
export function isQuietHour(now: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const hour = bangkokHour(now);
  return hour < quiet.from || hour >= quiet.until;
}

/** When something held by quiet hours goes out: `now` itself in hours, else the next opening hour. */
export function nextSendingTime(now: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (!isQuietHour(now, quiet)) return now;
  const BANGKOK_MS = 7 * 3_600_000;
  const local = new Date(now.getTime() + BANGKOK_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const opening = day + quiet.from * 3_600_000 - BANGKOK_MS;
  return new Date(opening > now.getTime() ? opening : opening + 86_400_000);
}

/** "08:00" */
export const openingTimeText = (quiet: QuietHours = DEFAULT_QUIET_HOURS) =>
  `${String(quiet.from).padStart(2, '0')}:00`;
