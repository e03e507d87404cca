// The LINE Official Account's monthly message quota as LINE counts it: one message per recipient per
// accepted push, multicast, narrowcast or broadcast request, however many message objects it holds;
// replies are free, and recipients who cannot receive it (blocked, never followed) are not counted.
// Once a send would pass the limit LINE answers 429 "You have reached your monthly limit." until the
// month ends or the plan is raised.

export type QuotaSetting = { readonly type: 'none' } | { readonly type: 'limited'; readonly value: number };

export const MONTHLY_LIMIT_MESSAGE = 'You have reached your monthly limit.';

/** LINE's month runs on Japan time (UTC+9): a new month's quota opens at 00:00 JST on the 1st. */
export function quotaMonthOf(d: Date): string {
  return new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 7);
}

export class MessageQuota {
  #setting: QuotaSetting = { type: 'none' };
  readonly #used = new Map<string, number>();

  constructor(private readonly clock: () => Date) {}

  get setting(): QuotaSetting {
    return this.#setting;
  }

  set(setting: QuotaSetting): void {
    if (setting.type === 'limited' && !(Number.isInteger(setting.value) && setting.value >= 0))
      throw new Error('a limited quota needs a whole number value ≥ 0');
    this.#setting = setting.type === 'none' ? { type: 'none' } : { type: 'limited', value: setting.value };
  }

  /** messages counted in the platform clock's current month */
  used(): number {
    return this.#used.get(quotaMonthOf(this.clock())) ?? 0;
  }

  /** Whether a send reaching `recipients` people still fits this month. */
  allows(recipients: number): boolean {
    return this.#setting.type === 'none' || this.used() + recipients <= this.#setting.value;
  }

  count(recipients: number): void {
    if (recipients <= 0) return;
    const month = quotaMonthOf(this.clock());
    this.#used.set(month, (this.#used.get(month) ?? 0) + recipients);
  }

  reset(): void {
    this.#setting = { type: 'none' };
    this.#used.clear();
  }
}
