import { useEffect, useState } from 'preact/hooks';

// A date as Thai readers know it: day, month by name and the Buddhist-era year, each a list to pick from
// (a phone's own date input shows the Western calendar). The year's label comes from Intl th-TH, so
// พ.ศ. is never computed by hand; the value stays ISO. A day the month does not have (31 เมษายน) is
// refused in Thai instead of rolling over.

const monthName = new Intl.DateTimeFormat('th-TH', { month: 'long', timeZone: 'UTC' });
const yearName = new Intl.DateTimeFormat('th-TH', { year: 'numeric', timeZone: 'UTC' });
const MONTHS = Array.from({ length: 12 }, (_, i) => monthName.format(new Date(Date.UTC(2000, i, 1))));

export const NO_SUCH_DAY = 'วันที่นี้ไม่มีในปฏิทิน กรุณาเลือกใหม่';

interface Parts {
  d: string;
  m: string;
  y: string;
}

const partsOf = (iso: string): Parts => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m
    ? { y: m[1] as string, m: String(Number(m[2])), d: String(Number(m[3])) }
    : { d: '', m: '', y: '' };
};

/** The ISO date of complete parts, 'invalid' for a day the month lacks, '' while incomplete. */
function isoOf(p: Parts): string {
  if (!p.d || !p.m || !p.y) return '';
  const date = new Date(Date.UTC(Number(p.y), Number(p.m) - 1, Number(p.d)));
  if (date.getUTCDate() !== Number(p.d)) return 'invalid';
  return date.toISOString().slice(0, 10);
}

export interface ThaiDateFieldProps {
  readonly id: string;
  readonly label: string;
  /** ISO 'YYYY-MM-DD', or '' */
  readonly value: string;
  /** ISO when complete and real, '' otherwise */
  readonly onChange: (iso: string) => void;
  /** Western years offered, e.g. 2026 → "พ.ศ. 2569"; defaults to last year to two years ahead */
  readonly years?: readonly number[];
  readonly error?: string | undefined;
  readonly disabled?: boolean | undefined;
}

export function ThaiDateField({ id, label, value, onChange, years, error, disabled }: ThaiDateFieldProps) {
  const [parts, setParts] = useState<Parts>(() => partsOf(value));
  // a value set from outside (a reset form, a loaded plan) replaces what was picked; a half-picked
  // or impossible date is '' outside and stays as picked
  useEffect(() => {
    const iso = isoOf(parts);
    if ((iso === 'invalid' ? '' : iso) !== value) setParts(partsOf(value));
  }, [value]);
  const thisYear = new Date().getFullYear();
  const yearList = [
    ...new Set([
      ...(years ?? [thisYear - 1, thisYear, thisYear + 1, thisYear + 2]),
      ...(parts.y ? [Number(parts.y)] : []),
    ]),
  ].sort();
  const iso = isoOf(parts);
  const shown = error ?? (iso === 'invalid' ? NO_SUCH_DAY : undefined);
  const pick = (k: keyof Parts, v: string) => {
    const next = { ...parts, [k]: v };
    setParts(next);
    const out = isoOf(next);
    onChange(out === 'invalid' ? '' : out);
  };
  const select = (k: keyof Parts, name: string, options: readonly [string, string][]) => {
    const selectId = k === 'd' ? id : `${id}-${k}`;
    return (
      <div class="thai-date-part">
        <label for={selectId} class="thai-date-name">
          {name}
        </label>
        <select
          id={selectId}
          value={parts[k]}
          disabled={disabled}
          aria-invalid={shown ? 'true' : undefined}
          aria-describedby={shown ? `${id}-error` : undefined}
          onChange={(e) => pick(k, e.currentTarget.value)}
        >
          <option value="">{name}</option>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </div>
    );
  };
  return (
    <fieldset class="thai-date" aria-describedby={shown ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      <div class="thai-date-parts">
        {select(
          'd',
          'วัน',
          Array.from({ length: 31 }, (_, i) => [String(i + 1), String(i + 1)]),
        )}
        {select(
          'm',
          'เดือน',
          MONTHS.map((name, i) => [String(i + 1), name]),
        )}
        {select(
          'y',
          'ปี',
          yearList.map((y) => [String(y), yearName.format(new Date(Date.UTC(y, 6, 1)))]),
        )}
      </div>
      {shown ? (
        <p id={`${id}-error`} class="hr-error">
          {shown}
        </p>
      ) : null}
    </fieldset>
  );
}
