import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { formatThaiShortDate, thaiCivilDate } from '../format-date';
import { HrApiError } from '../hr-api';
import './hr-admin.css';

export { thaiDateTime } from '../format-date';

// Pieces the HR management pages share: the error summary at the top of a form (focused, each item
// links to its field), a labelled input, a field's own error, the live status line, and Thai numbers and dates.

export const thaiNumber = (n: number) => new Intl.NumberFormat('th-TH').format(n);
export const shortDate = (iso: string) => formatThaiShortDate(thaiCivilDate(iso));

/** The Thai message of whatever went wrong. */
export function messageOf(err: unknown): string {
  return err instanceof HrApiError ? err.message : 'ทำรายการไม่สำเร็จ กรุณาลองอีกครั้ง';
}

export interface ErrorSummaryProps {
  readonly message?: string;
  /** field name → Thai message */
  readonly errors: Readonly<Record<string, string>>;
  /** field name → its label, for the summary's links */
  readonly labels: Readonly<Record<string, string>>;
  /** form element ids by field name, when they differ from the name */
  readonly ids?: Readonly<Record<string, string>>;
}

/** Shown above a refused form; takes the focus so a screen reader hears what to fix. */
export function ErrorSummary({ message, errors, labels, ids }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const shown = entries.length > 0 || Boolean(message);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [message, errors]);
  if (!shown) return null;
  return (
    <div class="hr-error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{message ?? 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้'}</h2>
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${ids?.[field] ?? field}`}>
                {labels[field] ? `${labels[field]}: ` : ''}
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function FieldError({ id, error }: { readonly id: string; readonly error?: string }) {
  return error ? (
    <p id={`${id}-error`} class="hr-error">
      {error}
    </p>
  ) : null;
}

/** aria-describedby for a field with an optional hint and error. */
export const describedBy = (id: string, o: { hint?: boolean; error?: string }) =>
  [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export interface InputFieldProps {
  readonly id: string;
  readonly label: ComponentChildren;
  readonly type: 'text' | 'date' | 'number';
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly error?: string;
  readonly hint?: string;
  readonly inputMode?: 'numeric' | 'decimal';
  readonly min?: string;
  readonly step?: string;
}

/** A labelled input with its hint and error, both read out with the field (aria-describedby). */
export function InputField({ id, label, type, value, onInput, error, hint, ...input }: InputFieldProps) {
  return (
    <div class="hr-field">
      <label for={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <input
        type={type}
        id={id}
        {...input}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), error })}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The page's live status line: polite for progress, an alert for failures. */
export function LiveStatus({
  tone,
  children,
}: {
  readonly tone: 'ok' | 'error' | 'info';
  readonly children?: ComponentChildren;
}) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} aria-live={tone === 'error' ? 'assertive' : 'polite'}>
      {children ? (
        <p class={tone === 'ok' ? 'hr-ok' : tone === 'error' ? 'hr-error' : undefined}>{children}</p>
      ) : null}
    </div>
  );
}
