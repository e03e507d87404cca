import { type Employee, isEmployeeId, NAME_SORT_LEVEL_END, nameSortKey } from '@phattana/shared';
import { type StaffSource, staffRecords } from './staff-record-repository';

// Who a supervisor's team is. A supervisor sees the people who report to them directly; an executive
// (ปลัด, นายก: role 'executive') sees everyone below them down the supervisor links, because they sign
// those people's documents further up the chain. HR with no one below them has an empty team: HR's
// municipality-wide view is the HR dashboard. Agreeing to an IDP stays with the direct supervisor.

export interface TeamMember {
  readonly employee: Employee;
  /** reports to the viewer directly */
  readonly direct: boolean;
}

/** How many levels below the viewer we read at most (a loop or a deep tree stops here). */
const MAX_DEPTH = 6;

/**
 * Where a team walk stopped: the path from the viewer down to the supervisor whose people come next,
 * each level with the last person already passed there (name sort key and id, the walk's order).
 */
export type TeamCursor = readonly TeamFrame[];
export interface TeamFrame {
  /** the supervisor at this level (the first frame is the viewer) */
  readonly s: string;
  /** the last of their people passed: [nameSortKey, id]; null before the first */
  readonly a: readonly [string, string] | null;
}

export interface TeamPage {
  readonly members: readonly (TeamMember & { readonly supervisorName: string | null })[];
  /** where the next page starts; null when the walk is done */
  readonly next: TeamCursor | null;
}

export const isTeamCursor = (v: unknown): v is TeamCursor =>
  Array.isArray(v) &&
  v.length >= 1 &&
  v.length <= MAX_DEPTH &&
  v.every(
    (f) =>
      typeof f === 'object' &&
      f !== null &&
      isEmployeeId((f as TeamFrame).s) &&
      ((f as TeamFrame).a === null ||
        (Array.isArray((f as TeamFrame).a) &&
          (f as TeamFrame).a?.length === 2 &&
          typeof (f as TeamFrame).a?.[0] === 'string' &&
          ((f as TeamFrame).a?.[0].length ?? 0) <= 1000 &&
          // a sort key always holds its level mark: a cursor from before the keys carries a bare name
          (f as TeamFrame).a?.[0].includes(NAME_SORT_LEVEL_END) === true &&
          isEmployeeId((f as TeamFrame).a?.[1]))),
  );

/** The cursor names someone outside the viewer's team, or a path that is not the staff list's. */
export class TeamCursorError extends Error {}

interface Frame {
  readonly s: string;
  a: readonly [string, string] | null;
  /** people of `s` read but not yet passed (not part of the cursor: read again after `a`) */
  buffer: Employee[];
  exhausted: boolean;
}

/**
 * One page of the viewer's team, walked depth first: each person, then the people below them, each
 * level by name in Thai dictionary order (the stored nameSortKey, then id). A page reads O(limit)
 * documents whatever the organisation's size: each level's people come `limit` at a time after the
 * cursor, and the walk stops early (a short page, with a cursor) once it has read its budget, e.g.
 * through a run of people who left. So a page may hold fewer than `limit` members; the walk is done
 * when `next` is null.
 */
export async function loadTeamPage(
  c: StaffSource,
  viewer: { readonly employeeId: string; readonly name: string; readonly roles: readonly string[] },
  limit: number,
  after: TeamCursor | undefined,
): Promise<TeamPage> {
  const maxDepth = viewer.roles.includes('executive') ? MAX_DEPTH : 1;
  const staff = staffRecords(c);
  const names = new Map<string, string>([[viewer.employeeId, viewer.name]]);
  const stack: Frame[] = after
    ? await resumed(c, viewer.employeeId, after, maxDepth, names)
    : [{ s: viewer.employeeId, a: null, buffer: [], exhausted: false }];
  const out: TeamPage['members'][number][] = [];
  const budget = 4 * limit + 2 * MAX_DEPTH;
  let reads = 0;
  while (out.length < limit) {
    const top = stack.at(-1);
    if (!top) break;
    if (top.buffer.length === 0) {
      if (top.exhausted) {
        stack.pop();
        continue;
      }
      if (reads >= budget) break;
      const want = limit - out.length;
      const people = await staff.peopleOf(top.s, { limit: want, ...(top.a ? { after: top.a } : {}) });
      reads += Math.max(1, people.length);
      top.buffer = people;
      top.exhausted = people.length < want;
      continue;
    }
    const e = top.buffer.shift() as Employee;
    // the stored key is nameSortKey(name), written with the name (or by the backfill)
    top.a = [nameSortKey(e.name), e.id];
    names.set(e.id, e.name);
    // a loop in the supervisor links: nobody is their own team member
    if (e.id === viewer.employeeId || stack.some((f) => f.s === e.id)) continue;
    // someone who left is not listed, but still links the people below them
    if (e.active)
      out.push({
        employee: e,
        direct: stack.length === 1,
        supervisorName: e.supervisorId ? (names.get(e.supervisorId) ?? null) : null,
      });
    if (stack.length < maxDepth) stack.push({ s: e.id, a: null, buffer: [], exhausted: false });
  }
  // levels known to be done need no place in the cursor
  while (stack.length > 0 && stack.at(-1)?.buffer.length === 0 && stack.at(-1)?.exhausted) stack.pop();
  return { members: out, next: stack.length > 0 ? stack.map(({ s, a }) => ({ s, a })) : null };
}

/**
 * The walk's path back from a cursor, checked against the staff list: it starts at the viewer and each
 * level is someone the level above supervises (else a cursor could list anyone's people).
 */
async function resumed(
  c: StaffSource,
  viewerId: string,
  cursor: TeamCursor,
  maxDepth: number,
  names: Map<string, string>,
): Promise<Frame[]> {
  if (cursor.length > maxDepth || cursor[0]?.s !== viewerId) throw new TeamCursorError();
  const below = cursor.slice(1);
  const people = await staffRecords(c).byIds(below.map((f) => f.s));
  below.forEach((f, i) => {
    const above = cursor[i] as TeamFrame;
    const p = people.get(f.s);
    if (!p || p.supervisorId !== above.s || above.a?.[1] !== p.id) throw new TeamCursorError();
    names.set(p.id, p.name);
  });
  return cursor.map(({ s, a }) => ({ s, a, buffer: [], exhausted: false }));
}

/** The member if they are in the viewer's team, checked against the staff list now. */
export async function teamMember(
  c: StaffSource,
  viewer: { readonly employeeId: string; readonly roles: readonly string[] },
  employeeId: string,
): Promise<TeamMember | undefined> {
  if (employeeId === viewer.employeeId) return undefined;
  const chain = viewer.roles.includes('executive');
  let id: string | null = employeeId;
  let first: Employee | undefined;
  // walk up from the member: the viewer must be met within the allowed depth
  for (let depth = 0; id !== null && depth < (chain ? MAX_DEPTH : 1); depth++) {
    const e = await staffRecords(c).byId(id);
    if (!e) return undefined;
    if (depth === 0) {
      if (!e.active) return undefined;
      first = e;
    }
    if (e.supervisorId === viewer.employeeId)
      return first ? { employee: first, direct: depth === 0 } : undefined;
    id = e.supervisorId;
  }
  return undefined;
}
