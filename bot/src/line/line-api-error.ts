/** A LINE Messaging API call that failed for good (after any retries). */
export class LineApiError extends Error {
  override readonly name: string = 'LineApiError';
  constructor(
    readonly status: number,
    readonly path: string,
    readonly body: unknown,
    readonly requestId?: string,
    /** LINE's Retry-After (a 429 after our own retries): when trying again can work */
    readonly retryAfterMs?: number,
  ) {
    super(`LINE ${path} answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }

  /**
   * An earlier attempt of the same call timed out or got a 5xx: LINE may have carried it out. A reply
   * refused as "invalid reply token" after such an attempt was most likely our own, delivered.
   */
  afterUncertainAttempt = false;

  /** LINE says the reply token was used, expired or never existed. */
  get isInvalidReplyToken(): boolean {
    return this.status === 400 && /reply token/i.test(JSON.stringify(this.body));
  }
}

/** No answer from LINE in time, or the connection failed, on every attempt. */
export class LineUnavailableError extends Error {
  override readonly name = 'LineUnavailableError';
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(`LINE ${path} unavailable: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

/**
 * LINE refused a push or multicast because the Official Account's monthly message quota is used up
 * (429 "You have reached your monthly limit."). Not a rate limit: nothing sends until the month ends or
 * the plan is raised, so it is never retried.
 */
export class LineMonthlyLimitError extends LineApiError {
  override readonly name = 'LineMonthlyLimitError';
  constructor(path: string, body: unknown, requestId?: string) {
    super(429, path, body, requestId);
  }

  static matches(status: number, body: unknown): boolean {
    return status === 429 && /monthly limit/i.test(typeof body === 'string' ? body : JSON.stringify(body));
  }
}
