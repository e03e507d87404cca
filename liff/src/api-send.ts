import { type ApiClient, SESSION_EXPIRED_TEXT } from './api-client';

// One way for every LIFF client to call the API and read its answer. Whatever the page, a person reads
// the same Thai text for an expired login, a lost connection and an answer that is not the API's, and
// the server's own Thai message for a refusal (with its field errors when a form was refused).

export const CONNECTION_LOST_TEXT = 'เชื่อมต่อไม่สำเร็จ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองอีกครั้ง';
export const badAnswerText = (status: number) => `ระบบตอบกลับไม่ถูกต้อง (${status}) กรุณาลองใหม่อีกครั้งในภายหลัง`;
/** A refusal without the server's message (a proxy's error page, an old server). */
export const refusedText = (status: number, method = 'GET') =>
  `${method === 'GET' ? 'โหลดข้อมูลไม่สำเร็จ' : 'ทำรายการไม่สำเร็จ'} (${status})`;

/** The API said no (or could not be reached: status 0; or the login expired: 401). */
export class ApiRefusal extends Error {
  override readonly name: string = 'ApiRefusal';
  constructor(
    message: string,
    readonly status: number,
    /** the answer's JSON body ({} when there was none) */
    readonly body: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }

  /** Thai messages by field, for a form's error summary */
  get fieldErrors(): Readonly<Record<string, string>> {
    const e = this.body.errors;
    return e && typeof e === 'object' && !Array.isArray(e) ? (e as Record<string, string>) : {};
  }

  /** the problems the server listed one by one (e.g. every bad field of a new survey) */
  get problems(): readonly string[] {
    const e = this.body.errors;
    return Array.isArray(e) ? e.filter((x): x is string => typeof x === 'string') : [];
  }
}

/** How a client names its refusals (its own subclass, so its pages can tell them apart). */
export type RefusalClass<E extends ApiRefusal> = new (
  message: string,
  status: number,
  body: Readonly<Record<string, unknown>>,
) => E;

/**
 * The answer to a request; an expired login or a lost connection is thrown as a refusal with the shared
 * Thai text. A non-2xx answer is returned, not thrown, for callers that read a refused body themselves
 * (a form's 409 with the newer version).
 */
export async function exchange<E extends ApiRefusal>(
  api: ApiClient,
  path: string,
  init: RequestInit = {},
  Refusal: RefusalClass<E> = ApiRefusal as unknown as RefusalClass<E>,
): Promise<Response> {
  try {
    return await api.request(path, init);
  } catch (err) {
    if (err instanceof Error && err.name === 'ApiAuthError') throw new Refusal(SESSION_EXPIRED_TEXT, 401, {});
    throw new Refusal(CONNECTION_LOST_TEXT, 0, {});
  }
}

/** An answer's JSON object; undefined when it is not one. */
export async function bodyOf(res: Response): Promise<Record<string, unknown> | undefined> {
  const parsed: unknown = await res.json().catch(() => undefined);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
}

/**
 * The refusal for a non-2xx answer: the server's message, else a Thai text with the status (an answer
 * that is not even JSON came from something in between: a proxy, a static host).
 */
export function refusalOf<E extends ApiRefusal>(
  res: Response,
  body: Record<string, unknown> | undefined,
  Refusal: RefusalClass<E>,
  method = 'GET',
): E {
  if (!body) return new Refusal(badAnswerText(res.status), res.status, {});
  return new Refusal(
    typeof body.message === 'string' ? body.message : refusedText(res.status, method),
    res.status,
    body,
  );
}

/** Calls the API and returns its JSON; anything else is thrown as a refusal. */
export async function apiSend<T, E extends ApiRefusal = ApiRefusal>(
  api: ApiClient,
  path: string,
  init: RequestInit = {},
  Refusal: RefusalClass<E> = ApiRefusal as unknown as RefusalClass<E>,
): Promise<T> {
  const res = await exchange(api, path, init, Refusal);
  const body = await bodyOf(res);
  if (!res.ok) throw refusalOf(res, body, Refusal, init.method ?? 'GET');
  // an answer that is not the API's JSON (a proxy's or a static host's page) is a failure, not data
  if (!body) throw new Refusal(badAnswerText(res.status), res.status, {});
  return body as T;
}

/**
 * A photo as a blob: URL for an `<img>` (the API wants the Bearer token, which an `<img src>` cannot
 * send). The caller revokes it with URL.revokeObjectURL when the image goes away.
 */
export async function photoUrl<E extends ApiRefusal = ApiRefusal>(
  api: ApiClient,
  path: string,
  Refusal: RefusalClass<E> = ApiRefusal as unknown as RefusalClass<E>,
): Promise<string> {
  const res = await exchange(api, path, { headers: { accept: 'image/*' } }, Refusal);
  if (!res.ok) {
    const body = await bodyOf(res);
    const message = typeof body?.message === 'string' ? body.message : `โหลดรูปไม่สำเร็จ (${res.status})`;
    throw new Refusal(message, res.status, body ?? {});
  }
  return URL.createObjectURL(await res.blob());
}

/** A JSON request's init. */
export const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
