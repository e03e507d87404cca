import type { ComponentChildren } from 'preact';

export function LoadingState({ label = 'กำลังโหลด…' }: { readonly label?: string }) {
  return (
    <div class="state state-loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <p>{label}</p>
    </div>
  );
}

export interface ErrorStateProps {
  readonly title?: string;
  readonly message: string;
  readonly onRetry?: () => void;
}

export function ErrorState({ title = 'เกิดข้อผิดพลาด', message, onRetry }: ErrorStateProps) {
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{title}</p>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" class="button" onClick={onRetry}>
          ลองอีกครั้ง
        </button>
      ) : null}
    </div>
  );
}

export interface EmptyStateProps {
  readonly title?: string;
  readonly children?: ComponentChildren;
}

export function EmptyState({ title = 'ยังไม่มีข้อมูล', children }: EmptyStateProps) {
  return (
    <div class="state state-empty">
      <p class="state-title">{title}</p>
      {children}
    </div>
  );
}
