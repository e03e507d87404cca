import { useEffect, useRef } from 'preact/hooks';

// Asked before a destructive or wide-reaching action: says what will change (e.g. "12 รายงานที่ยังเปิด
// อยู่จะได้กำหนดส่งใหม่"), then go ahead or cancel. The text takes the focus so a screen reader hears it.

export interface ConfirmBoxProps {
  readonly id: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  /** red: deleting, closing for good */
  readonly danger?: boolean;
  readonly busy?: boolean;
}

export function ConfirmBox({ id, text, confirmLabel, onConfirm, onCancel, danger, busy }: ConfirmBoxProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <fieldset class="confirm-box" aria-describedby={id}>
      <legend class="visually-hidden">ยืนยันก่อนทำรายการ</legend>
      <p id={id} ref={ref} tabIndex={-1}>
        {text}
      </p>
      <button
        type="button"
        class={danger ? 'button-danger' : 'button-primary'}
        disabled={busy}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button type="button" class="button" disabled={busy} onClick={onCancel}>
        ยกเลิก
      </button>
    </fieldset>
  );
}
