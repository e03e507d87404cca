import type { PageComponent, PageProps } from './page-props';
import { ErrorState, LoadingState } from './status-views';
import { useAsync } from './use-async';

const loaded = new Map<() => Promise<PageComponent>, PageComponent>();

export interface LazyPageProps extends PageProps {
  readonly load: () => Promise<PageComponent>;
}

/** Loads a page chunk with a loading state and a retryable error state; a loaded chunk is kept. */
export function LazyPage({ load, ...pageProps }: LazyPageProps) {
  const cached = loaded.get(load);
  const state = useAsync(async () => {
    if (cached) return cached;
    const page = await load();
    loaded.set(load, page);
    return page;
  });
  const Page = cached ?? (state.status === 'ready' ? state.value : undefined);
  if (Page) return <Page {...pageProps} />;
  if (state.status === 'error') {
    return (
      <ErrorState message="โหลดหน้านี้ไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง" onRetry={state.retry} />
    );
  }
  return <LoadingState />;
}
