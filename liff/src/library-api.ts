import type { ArchiveResponse } from '../../shared/src/archive/archive-api-contract';
import type {
  LibraryEntryResponse,
  LibraryListResponse,
  LibraryPresentationInput,
} from '../../shared/src/library/library-api-contract';
import type { LibraryVisibility } from '../../shared/src/library/library-entry';
import type { ApiClient } from './api-client';

export type { ArchiveResponse } from '../../shared/src/archive/archive-api-contract';
export type {
  LibraryEntryResponse,
  LibraryListItem,
  LibraryListResponse,
} from '../../shared/src/library/library-api-contract';

// The knowledge library's and the audit archive's calls; the server's Thai message on any refusal.

export class LibraryApiError extends Error {
  override readonly name = 'LibraryApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function call<T>(api: ApiClient, path: string, init: RequestInit = {}): Promise<T> {
  const res = await api.request(path, {
    ...init,
    headers: init.body ? { 'content-type': 'application/json' } : undefined,
  });
  const body = (await res.json().catch(() => ({}))) as { message?: unknown };
  if (!res.ok)
    throw new LibraryApiError(
      typeof body.message === 'string' ? body.message : `ทำรายการไม่สำเร็จ (${res.status})`,
      res.status,
    );
  return body as T;
}

export const libraryMessage = (err: unknown) =>
  err instanceof LibraryApiError ? err.message : 'โหลดข้อมูลไม่สำเร็จ กรุณาลองอีกครั้ง';

export interface LibraryQuery {
  readonly q?: string;
  readonly competency?: string;
  readonly division?: string;
  readonly fy?: string;
}

export function loadLibrary(api: ApiClient, query: LibraryQuery): Promise<LibraryListResponse> {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
  const qs = params.toString();
  return call(api, `library${qs ? `?${qs}` : ''}`);
}

export const openLibraryEntry = (api: ApiClient, id: string) =>
  call<LibraryEntryResponse>(api, `library/${encodeURIComponent(id)}`);

export const setLibraryVisibility = (api: ApiClient, id: string, visibility: LibraryVisibility) =>
  call<{ visibility: LibraryVisibility }>(api, `library/${encodeURIComponent(id)}/visibility`, {
    method: 'PUT',
    body: JSON.stringify({ visibility }),
  });

export const recordPresentation = (api: ApiClient, id: string, p: LibraryPresentationInput) =>
  call<{ ok: true }>(api, `library/${encodeURIComponent(id)}/presentation`, {
    method: 'PUT',
    body: JSON.stringify(p),
  });

export const setLibraryDigest = (api: ApiClient, digest: boolean) =>
  call<{ digest: boolean }>(api, 'library/digest', { method: 'PUT', body: JSON.stringify({ digest }) });

export async function loadLibraryPhotoUrl(api: ApiClient, id: string, messageId: string): Promise<string> {
  const res = await api.request(`library/${encodeURIComponent(id)}/photos/${encodeURIComponent(messageId)}`, {
    headers: { accept: 'image/*' },
  });
  if (!res.ok) throw new LibraryApiError(`โหลดรูปไม่สำเร็จ (${res.status})`, res.status);
  return URL.createObjectURL(await res.blob());
}

/** `fy` and/or `employee` as the archive route takes them. */
export const archiveQuery = (o: { fy?: string; employee?: string }) =>
  new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export const loadArchive = (api: ApiClient, o: { fy?: string; employee?: string }) =>
  call<ArchiveResponse>(api, `archive?${archiveQuery(o)}`);
