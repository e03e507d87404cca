import type { ArchiveResponse } from '../../shared/src/archive/archive-api-contract';
import type {
  LibraryEntryResponse,
  LibraryListResponse,
  LibraryPresentationInput,
} from '../../shared/src/library/library-api-contract';
import type { LibraryVisibility } from '../../shared/src/library/library-entry';
import type { ApiClient } from './api-client';
import { photoUrl } from './api-send';
import { HrApiError, json, send } from './hr-api';

export type { ArchiveResponse } from '../../shared/src/archive/archive-api-contract';
export type {
  LibraryEntryResponse,
  LibraryListItem,
  LibraryListResponse,
} from '../../shared/src/library/library-api-contract';

// The knowledge library's and the audit archive's calls, through the same `send` as HR's APIs: the
// server's Thai message on any refusal (an HrApiError).

export const libraryMessage = (err: unknown) =>
  err instanceof HrApiError ? err.message : 'โหลดข้อมูลไม่สำเร็จ กรุณาลองอีกครั้ง';

export interface LibraryQuery {
  readonly q?: string;
  readonly competency?: string;
  readonly division?: string;
  readonly fy?: string;
}

/** One page of a search; `cursor` is the previous page's nextCursor ("ดูเพิ่ม"). */
export function loadLibrary(
  api: ApiClient,
  query: LibraryQuery,
  cursor?: string,
): Promise<LibraryListResponse> {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
  if (cursor) params.set('cursor', cursor);
  const qs = params.toString();
  return send(api, `library${qs ? `?${qs}` : ''}`);
}

export const openLibraryEntry = (api: ApiClient, id: string) =>
  send<LibraryEntryResponse>(api, `library/${encodeURIComponent(id)}`);

export const setLibraryVisibility = (api: ApiClient, id: string, visibility: LibraryVisibility) =>
  send<{ visibility: LibraryVisibility }>(
    api,
    `library/${encodeURIComponent(id)}/visibility`,
    json('PUT', { visibility }),
  );

export const recordPresentation = (api: ApiClient, id: string, p: LibraryPresentationInput) =>
  send<{ ok: true }>(api, `library/${encodeURIComponent(id)}/presentation`, json('PUT', p));

export const setLibraryDigest = (api: ApiClient, digest: boolean) =>
  send<{ digest: boolean }>(api, 'library/digest', json('PUT', { digest }));

export async function loadLibraryPhotoUrl(api: ApiClient, id: string, messageId: string): Promise<string> {
  return photoUrl(
    api,
    `library/${encodeURIComponent(id)}/photos/${encodeURIComponent(messageId)}`,
    HrApiError,
  );
}

/** `fy` and/or `employee` as the archive route takes them. */
export const archiveQuery = (o: { fy?: string; employee?: string }) =>
  new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export const loadArchive = (api: ApiClient, o: { fy?: string; employee?: string }) =>
  send<ArchiveResponse>(api, `archive?${archiveQuery(o)}`);
