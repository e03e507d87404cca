import { useState } from 'preact/hooks';

// A paged list in LIFF: the first page comes with the page's own load, each "ดูเพิ่ม" brings the next
// one after the server's cursor and appends it. A failed load keeps what is shown and says why in Thai;
// pressing again retries the same page.

export interface PageOf<T> {
  readonly items: readonly T[];
  /** the server's cursor for the next page; null after the last */
  readonly nextCursor: string | null;
}

export function useLoadMore<T>(
  first: PageOf<T>,
  load: (cursor: string) => Promise<PageOf<T>>,
  failure: (err: unknown) => string,
) {
  // the pages brought belong to the first page they followed: a new first page (another search, a
  // reload) starts over
  const [brought, setBrought] = useState<{ of: readonly T[]; pages: readonly PageOf<T>[] }>({
    of: first.items,
    pages: [],
  });
  const pages = brought.of === first.items ? brought.pages : [];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const cursor = (pages.at(-1) ?? first).nextCursor;

  async function more(from: string) {
    setBusy(true);
    setError('');
    try {
      const page = await load(from);
      setBrought((m) => ({ of: first.items, pages: [...(m.of === first.items ? m.pages : []), page] }));
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }

  const items = [first, ...pages].flatMap((p) => p.items);
  const button =
    cursor === null ? null : (
      <div class="load-more">
        <button type="button" class="button" disabled={busy} onClick={() => void more(cursor)}>
          {busy ? 'กำลังโหลด…' : 'ดูเพิ่ม'}
        </button>
        <p class={error ? 'notice-error' : 'hint'} role="status" aria-live="polite">
          {error}
        </p>
      </div>
    );
  return { items, button };
}
