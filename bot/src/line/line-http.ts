import { LineApiError, LineMonthlyLimitError, LineUnavailableError } from './line-api-error';

// The one HTTP path to LINE's APIs, shared by the webhook's LineClient and the rich-menu admin client:
// per-attempt timeouts (the SDK's fetch has none), retries only where safe (429 with Retry-After,
// 5xx, timeouts), typed errors, and X-Line-Retry-Key.

export interface LineHttpOptions {
  channelAccessToken: string;
  /** https://api.line.me, or the local fake LINE platform */
  apiBase?: string;
  /** https://api-data.line.me (content, rich menu images) */
  dataBase?: string;
  /** per attempt */
  timeoutMs?: number;
  /** attempts in total for retryable failures */
  maxAttempts?: number;
  /** base of the exponential backoff */
  backoffMs?: number;
  /** upper bound on a single wait, whatever Retry-After says */
  maxBackoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface LineCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** the data API host instead of the API host */
  data?: boolean;
  path: string;
  json?: unknown;
  raw?: { body: Buffer; contentType: string };
  retryKey?: string;
  /** false when a repeat after an unknown outcome could do harm (e.g. creating a menu twice) */
  retrySafe: boolean;
  /** statuses answered without throwing: 409 for an accepted retry key, 404 for "none" */
  accept?: readonly number[];
}

/** LINE's answer, and whether an earlier attempt of the same call may have been carried out unheard */
export type LineResponse = Response & { readonly earlierAttemptUncertain: boolean };

export function createLineHttp(o: LineHttpOptions) {
  const apiBase = (o.apiBase ?? 'https://api.line.me').replace(/\/$/, '');
  const dataBase = (o.dataBase ?? 'https://api-data.line.me').replace(/\/$/, '');
  const timeoutMs = o.timeoutMs ?? 5000;
  const maxAttempts = o.maxAttempts ?? 4;
  const backoffMs = o.backoffMs ?? 200;
  const maxBackoffMs = o.maxBackoffMs ?? 10_000;
  const doFetch = o.fetch ?? fetch;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  const backoff = (attempt: number) => {
    const exp = backoffMs * 2 ** (attempt - 1);
    return Math.min(maxBackoffMs, exp / 2 + Math.random() * (exp / 2));
  };

  return async function call(c: LineCall): Promise<LineResponse> {
    const headers: Record<string, string> = { authorization: `Bearer ${o.channelAccessToken}` };
    let body: RequestInit['body'];
    if (c.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(c.json);
    } else if (c.raw) {
      headers['content-type'] = c.raw.contentType;
      body = new Uint8Array(c.raw.body);
    }
    if (c.retryKey) headers['x-line-retry-key'] = c.retryKey;
    const url = `${c.data ? dataBase : apiBase}${c.path}`;
    const attempts = c.retrySafe ? maxAttempts : 1;
    let lastError: unknown;
    let uncertain = false; // an attempt LINE may have carried out without our hearing so
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let res: Response;
      try {
        res = await doFetch(url, { method: c.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (err) {
        lastError = err;
        uncertain = true;
        if (attempt < attempts) await sleep(backoff(attempt));
        continue;
      }
      if (res.ok || c.accept?.includes(res.status))
        return Object.assign(res, { earlierAttemptUncertain: uncertain });
      const retryAfterMs = retryAfterOf(res);
      if (res.status === 429) {
        // the monthly quota is not a rate limit: waiting minutes changes nothing, so never retried
        const body = await readBody(res);
        const requestId = res.headers.get('x-line-request-id') ?? undefined;
        if (LineMonthlyLimitError.matches(res.status, body))
          throw new LineMonthlyLimitError(c.path, body, requestId);
        if (attempt < attempts) {
          await sleep(retryAfterMs !== undefined ? Math.min(retryAfterMs, maxBackoffMs) : backoff(attempt));
          continue;
        }
        const error = new LineApiError(res.status, c.path, body, requestId, retryAfterMs);
        error.afterUncertainAttempt = uncertain;
        throw error;
      }
      if (res.status >= 500 && attempt < attempts) {
        uncertain = true;
        await res.arrayBuffer().catch(() => undefined);
        await sleep(retryAfterMs !== undefined ? Math.min(retryAfterMs, maxBackoffMs) : backoff(attempt));
        continue;
      }
      const error = new LineApiError(
        res.status,
        c.path,
        await readBody(res),
        res.headers.get('x-line-request-id') ?? undefined,
        retryAfterMs,
      );
      error.afterUncertainAttempt = uncertain;
      throw error;
    }
    throw new LineUnavailableError(c.path, lastError);
  };
}

/** Retry-After in ms: LINE sends seconds; an HTTP date is allowed too. */
function retryAfterOf(res: Response): number | undefined {
  const h = res.headers.get('retry-after');
  if (!h) return undefined;
  const seconds = Number(h);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1000 : undefined;
  const at = Date.parse(h);
  return Number.isFinite(at) && at > Date.now() ? at - Date.now() : undefined;
}

async function readBody(res: Response): Promise<unknown> {
  const t = await res.text().catch(() => '');
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}
