import { isIdTokenExpired } from './id-token';

/** Where the client gets the LINE ID token, and how it gets a fresh one. */
export interface IdTokenSource {
  getIdToken(): string | null;
  /** Re-initialise / log in again. In the LINE app this may reload the page and never resolve. */
  reauthenticate(): Promise<void>;
}

export interface ApiClientOptions {
  readonly baseUrl: string;
  readonly auth: IdTokenSource;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** What a page says on an ApiAuthError. */
export const SESSION_EXPIRED_TEXT = 'การเข้าสู่ระบบหมดอายุ กรุณาเปิดหน้านี้ใหม่จาก LINE';

/** No usable LINE ID token, even after logging in again: the page asks the person to reopen it. */
export class ApiAuthError extends Error {
  override readonly name = 'ApiAuthError';
}

export interface ApiClient {
  /**
   * A fetch against the API with `Authorization: Bearer <idToken>`; the Response is returned as is. An
   * expired token is renewed first; a 401 is retried once with a renewed token.
   */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** GET a JSON body; non-2xx becomes an ApiError. */
  getJson<T>(path: string): Promise<T>;
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const { auth } = options;

  async function renewedIdToken(): Promise<string> {
    try {
      await auth.reauthenticate();
    } catch (error) {
      throw new ApiAuthError('LINE re-authentication failed', { cause: error });
    }
    const renewed = auth.getIdToken();
    if (!renewed || isIdTokenExpired(renewed, now())) {
      throw new ApiAuthError('No valid LINE ID token after re-authentication');
    }
    return renewed;
  }

  async function freshIdToken(): Promise<string> {
    const current = auth.getIdToken();
    if (current && !isIdTokenExpired(current, now())) return current;
    return renewedIdToken();
  }

  function send(path: string, init: RequestInit, token: string): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    return doFetch(joinUrl(options.baseUrl, path), { ...init, headers });
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await freshIdToken();
    const response = await send(path, init, token);
    if (response.status !== 401) return response;
    // The server refused a token that looked fine here (this device's clock runs late, LINE revoked
    // it): one silent re-authentication and one retry. Still refused: the caller shows the server's
    // message. The body may be a stream (an upload): such a request is not sent twice.
    if (init.body instanceof ReadableStream) return response;
    let renewed: string;
    try {
      renewed = await renewedIdToken();
    } catch {
      return response;
    }
    return renewed === token ? response : send(path, init, renewed);
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await request(path, { method: 'GET' });
    if (!response.ok) throw new ApiError(`GET ${path} failed with ${response.status}`, response.status);
    return (await response.json()) as T;
  }

  return { request, getJson };
}
