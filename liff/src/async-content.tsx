import type { ComponentChildren } from 'preact';
import { ErrorState, LoadingState } from './status-views';
import type { AsyncState } from './use-async';

export interface AsyncContentProps<T> {
  readonly state: AsyncState<readonly T[]> & { readonly retry: () => void };
  /** Shown when the list loaded and is empty. */
  readonly empty: ComponentChildren;
  readonly errorMessage?: string;
  readonly children: (items: readonly T[]) => ComponentChildren;
}

/** The three states every data page has, plus "loaded but empty". */
export function AsyncContent<T>({ state, empty, errorMessage, children }: AsyncContentProps<T>) {
  switch (state.status) {
    case 'loading':
      return <LoadingState />;
    case 'error':
      return <ErrorState message={errorMessage ?? 'โหลดข้อมูลไม่สำเร็จ กรุณาลองอีกครั้ง'} onRetry={state.retry} />;
    case 'ready':
      return <>{state.value.length === 0 ? empty : children(state.value)}</>;
  }
}
