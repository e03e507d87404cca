import type { LatePerson } from '../broadcast/late-api-contract';

// The late list comes in pages: the late first (most working days late first), then the due soon
// (nearest due first), ties by employee id. A page ends with a cursor naming its last person by that
// order, so the next page starts right after them even if someone above filed in between.

export const LATE_PAGE_DEFAULT = 100;
export const LATE_PAGE_MAX = 500;

/** A person's place in the list's order, as a string that sorts the same way. */
export function latePlace(section: 'late' | 'dueSoon', p: LatePerson): string {
  return section === 'late'
    ? `L|${String(99_999 - Math.min(p.workingDaysLate, 99_999)).padStart(5, '0')}|${p.employeeId}`
    : `S|${p.earliestDue}|${p.employeeId}`;
}

const byPlace = (a: { place: string }, b: { place: string }) =>
  a.place < b.place ? -1 : a.place > b.place ? 1 : 0;

/** A cursor as the client sent it back, or undefined when it is not one of ours. */
export const parseLateCursor = (cursor: string): string | undefined =>
  cursor.length <= 200 && /^[LS]\|[^|]+\|.+$/.test(cursor) ? cursor : undefined;

/** One page of the list in order, after `after` (a decoded cursor), at most `size` people. */
export function lateListPage(
  late: readonly LatePerson[],
  dueSoon: readonly LatePerson[],
  after: string | undefined,
  size: number,
): { late: LatePerson[]; dueSoon: LatePerson[]; nextCursor: string | null } {
  const all = [
    ...late.map((p) => ({ section: 'late' as const, p, place: latePlace('late', p) })),
    ...dueSoon.map((p) => ({ section: 'dueSoon' as const, p, place: latePlace('dueSoon', p) })),
  ].sort(byPlace);
  const rest = after === undefined ? all : all.filter((x) => x.place > after);
  const page = rest.slice(0, size);
  const last = page[page.length - 1];
  return {
    late: page.filter((x) => x.section === 'late').map((x) => x.p),
    dueSoon: page.filter((x) => x.section === 'dueSoon').map((x) => x.p),
    nextCursor: rest.length > size && last ? last.place : null,
  };
}
