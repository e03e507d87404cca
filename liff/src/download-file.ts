import { ApiAuthError, type ApiClient, SESSION_EXPIRED_TEXT } from './api-client';

// Exports (KPI evidence, survey results, a person's PDPA copy) come from the API as a file the server
// names in Content-Disposition; the page saves it through a temporary link, as LIFF's browser allows.

/** The server refused the download; `message` is its Thai text (or a Thai fallback with the status). */
export class DownloadRefusedError extends Error {
  override readonly name = 'DownloadRefusedError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Fetches `path` and saves it under the server's file name (else `fallbackName`); returns that name. */
export async function downloadFile(
  api: ApiClient,
  path: string,
  fallbackName: string,
  init?: RequestInit,
): Promise<string> {
  const res = await api.request(path, init);
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: unknown };
    throw new DownloadRefusedError(
      typeof body.message === 'string' ? body.message : `ดาวน์โหลดไม่สำเร็จ (${res.status})`,
      res.status,
    );
  }
  const filename =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser may still be reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}

/** What a page's status line says when a download failed: the refusal, an expired login, or the network. */
export function downloadFailureText(err: unknown): string {
  if (err instanceof DownloadRefusedError) return err.message;
  if (err instanceof ApiAuthError) return SESSION_EXPIRED_TEXT;
  return 'เชื่อมต่อไม่สำเร็จ กรุณาลองใหม่';
}
