import { NO_DIVISION } from '../kpi/fy-stats';
import { seededRandom, shuffled } from './seeded-random';

// The random sample that takes the ethics quiz (the strategy asks for "more than 60% of a random
// sample"): HR gives a share or a size; the draw is stratified by division (each division's part in
// proportion to its people, by largest remainder) and reproducible from the recorded seed, so an
// assessor can draw it again and get the same people.

export interface SamplePerson {
  readonly employeeId: string;
  readonly divisionId?: string;
}

export type SampleSize =
  /** percent of the population, 1–100 */
  { readonly kind: 'share'; readonly percent: number } | { readonly kind: 'size'; readonly people: number };

export interface SampleDraw {
  readonly seed: string;
  readonly size: SampleSize;
  readonly population: number;
  /** employee ids drawn, sorted */
  readonly drawn: readonly string[];
  /** per division: people and drawn */
  readonly byDivision: Readonly<Record<string, { readonly population: number; readonly drawn: number }>>;
}

/** How many to draw from a population of `n`: a share rounds up, so a small unit still has someone. */
export function sampleCount(size: SampleSize, n: number): number {
  if (n === 0) return 0;
  const k = size.kind === 'share' ? Math.ceil((n * size.percent) / 100) : size.people;
  return Math.max(0, Math.min(n, Math.floor(k)));
}

export function drawSample(people: readonly SamplePerson[], size: SampleSize, seed: string): SampleDraw {
  // the order people are listed in must not matter: sort by id first
  const sorted = [...new Map(people.map((p) => [p.employeeId, p])).values()].sort((a, b) =>
    a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0,
  );
  const groups = new Map<string, string[]>();
  for (const p of sorted) {
    const d = p.divisionId?.trim() || NO_DIVISION;
    groups.set(d, [...(groups.get(d) ?? []), p.employeeId]);
  }
  const divisions = [...groups.keys()].sort();
  const total = sampleCount(size, sorted.length);
  // largest remainder: floor of each quota, then one more to the largest remainders (ties by division)
  const quotas = divisions.map((d) => {
    const exact = (total * (groups.get(d)?.length ?? 0)) / Math.max(1, sorted.length);
    return { d, k: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = total - quotas.reduce((n, q) => n + q.k, 0);
  for (const q of [...quotas].sort((a, b) => b.rest - a.rest || (a.d < b.d ? -1 : 1))) {
    if (left <= 0) break;
    q.k++;
    left--;
  }
  const drawn: string[] = [];
  const byDivision: Record<string, { population: number; drawn: number }> = {};
  for (const q of quotas) {
    const members = groups.get(q.d) ?? [];
    // one stream per division: adding a person to one division does not reshuffle the others
    const picked = shuffled(members, seededRandom(`${seed}|${q.d}`)).slice(0, q.k);
    drawn.push(...picked);
    byDivision[q.d] = { population: members.length, drawn: picked.length };
  }
  return { seed, size, population: sorted.length, drawn: drawn.sort(), byDivision };
}

/** HR's share or size checked, with a Thai message. */
export function parseSampleSize(raw: unknown): { size: SampleSize } | { error: string } {
  const r = (raw ?? {}) as { kind?: unknown; percent?: unknown; people?: unknown };
  const n = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v);
  if (r.kind === 'share') {
    const p = n(r.percent);
    return typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 100
      ? { size: { kind: 'share', percent: p } }
      : { error: 'สัดส่วนกลุ่มตัวอย่างต้องเป็นจำนวนเต็มร้อยละ 1 ถึง 100' };
  }
  if (r.kind === 'size') {
    const p = n(r.people);
    return typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 10000
      ? { size: { kind: 'size', people: p } }
      : { error: 'จำนวนกลุ่มตัวอย่างต้องเป็นจำนวนเต็มตั้งแต่ 1 คน' };
  }
  return { error: 'กรุณาเลือกกำหนดกลุ่มตัวอย่างเป็นร้อยละหรือจำนวนคน' };
}
