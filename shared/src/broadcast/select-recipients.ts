import { createWorkingDayCalendar, type WorkingDayCalendar } from '../calendar/working-days';
import { lineReach, UNREACHABLE_LABELS, type UnreachableReason } from '../people/line-reach';
import type { ReportStatus } from '../reports/training-report';
import type { IsoDate } from '../text/thai-date';
import { type BroadcastFilter, dueDateMatches } from './broadcast-filter';

// Who gets a reminder: one message per person however many reports they owe, and only people LINE can
// reach and who still work here. Those left out are counted by reason, so HR sees why the number is
// smaller than the late list.

/** The part of a report the selection needs. */
export interface OpenReportRef {
  readonly employeeId: string;
  readonly dueDate: IsoDate;
  readonly status: ReportStatus;
  readonly divisionId?: string;
}

/** The part of a staff record the selection needs. */
export interface BroadcastEmployee {
  readonly id: string;
  readonly name: string;
  readonly divisionId?: string;
  readonly active: boolean;
  readonly lineUserId?: string;
  /** false once they blocked the bot; undefined counts as following (older records) */
  readonly lineFollowing?: boolean;
}

export interface Recipient {
  readonly employeeId: string;
  readonly name: string;
  readonly lineUserId: string;
  /** how many of their reports matched */
  readonly reports: number;
  readonly earliestDue: IsoDate;
}

export type ExclusionReason = UnreachableReason;
export const EXCLUSION_LABELS = UNREACHABLE_LABELS;

export interface RecipientSelection {
  /** nearest due first, then by employee id */
  readonly recipients: readonly Recipient[];
  /** people who matched but cannot be messaged, by reason */
  readonly excluded: Readonly<Record<ExclusionReason, number>>;
  /** people (not reports) the filter matched, reachable or not */
  readonly matchedPeople: number;
  readonly matchedReports: number;
}

const OPEN: ReadonlySet<ReportStatus> = new Set(['pending', 'returned']);

/**
 * The recipients of a reminder. `calendar` is needed for `dueWithin` (weekdays only without it).
 * Linear in the number of reports and staff: 10 000 people are planned in milliseconds.
 */
export function selectRecipients(
  openReports: Iterable<OpenReportRef>,
  employees: Iterable<BroadcastEmployee>,
  filter: BroadcastFilter,
  today: IsoDate,
  calendar?: WorkingDayCalendar,
): RecipientSelection {
  const byId = new Map<string, BroadcastEmployee>();
  for (const e of employees) byId.set(e.id, e);
  const dueLimit =
    filter.kind === 'dueWithin' && filter.workingDays > 0
      ? (calendar ?? createWorkingDayCalendar([])).addWorkingDays(today, filter.workingDays)
      : undefined;

  const picked = filter.kind === 'people' ? new Set(filter.employeeIds) : undefined;
  const matched = new Map<string, { reports: number; earliestDue: IsoDate }>();
  let matchedReports = 0;
  for (const r of openReports) {
    if (!OPEN.has(r.status) || !dueDateMatches(filter, r.dueDate, today, dueLimit)) continue;
    if (filter.kind === 'division') {
      // the staff record says where the person works now; the report's copy may be older
      const division = byId.get(r.employeeId)?.divisionId ?? r.divisionId;
      if (division !== filter.divisionId) continue;
    }
    if (picked && !picked.has(r.employeeId)) continue;
    matchedReports++;
    const m = matched.get(r.employeeId);
    if (m) {
      m.reports++;
      if (r.dueDate < m.earliestDue) m.earliestDue = r.dueDate;
    } else matched.set(r.employeeId, { reports: 1, earliestDue: r.dueDate });
  }

  const excluded: Record<ExclusionReason, number> = { left: 0, notLinked: 0, blocked: 0, noStaffRecord: 0 };
  const recipients: Recipient[] = [];
  const lineUsers = new Set<string>();
  for (const [employeeId, m] of matched) {
    const e = byId.get(employeeId);
    const reach = lineReach(e);
    if (!reach.reachable) {
      excluded[reach.reason]++;
      continue;
    }
    // one LINE account gets one message, even if two staff records point at it
    if (lineUsers.has(reach.lineUserId)) continue;
    lineUsers.add(reach.lineUserId);
    recipients.push({ employeeId, name: e?.name ?? '', lineUserId: reach.lineUserId, ...m });
  }
  // nearest due first; ties by id (cheap and stable; a locale collation of 10 000 names is not)
  recipients.sort((a, b) =>
    a.earliestDue < b.earliestDue
      ? -1
      : a.earliestDue > b.earliestDue
        ? 1
        : a.employeeId < b.employeeId
          ? -1
          : a.employeeId > b.employeeId
            ? 1
            : 0,
  );
  return { recipients, excluded, matchedPeople: matched.size, matchedReports };
}
