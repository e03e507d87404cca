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

export class ApiAuthError extends Error {
  override readonly name = 'ApiAuthError';
}

export interface ApiClient {
  /** A fetch against the API with `Authorization: Bearer <idToken>`; the Response is returned as is. */
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

  async function freshIdToken(): Promise<string> {
    const current = auth.getIdToken();
    if (current && !isIdTokenExpired(current, now())) return current;
    await auth.reauthenticate();
    const renewed = auth.getIdToken();
    if (!renewed || isIdTokenExpired(renewed, now())) {
      throw new ApiAuthError('No valid LINE ID token after re-authentication');
    }
    return renewed;
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await freshIdToken();
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    return doFetch(joinUrl(options.baseUrl, path), { ...init, headers });
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await request(path, { method: 'GET' });
    if (!response.ok) throw new ApiError(`GET ${path} failed with ${response.status}`, response.status);
    return (await response.json()) as T;
  }

  return { request, getJson };
}
