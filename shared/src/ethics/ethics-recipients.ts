import type { BroadcastFilter } from '../broadcast/broadcast-filter';
import type { BroadcastEmployee, Recipient, RecipientSelection } from '../broadcast/select-recipients';
import { fiscalYearRange } from '../calendar/fiscal-year';
import { lineReach, type UnreachableReason } from '../people/line-reach';

// Who the mandatory-ethics reminder goes to: active staff (of one division, if asked) with no entry in
// the ethics curriculum in the fiscal year. Same shape as the report reminder's selection, so the
// broadcast machinery (preview, batches, once-only send) is the same; "due" is the fiscal year's end.

export function selectWithoutEthics(
  employees: Iterable<BroadcastEmployee>,
  /** employee ids with an ethics-curriculum entry in the year */
  trained: ReadonlySet<string>,
  filter: Extract<BroadcastFilter, { kind: 'noEthicsTraining' }>,
): RecipientSelection {
  const due = fiscalYearRange(filter.fiscalYear).end;
  const excluded: Record<UnreachableReason, number> = { left: 0, notLinked: 0, blocked: 0, noStaffRecord: 0 };
  const recipients: Recipient[] = [];
  const lineUsers = new Set<string>();
  let matched = 0;
  for (const e of employees) {
    // someone who left is not asked to train; they are not "matched" either
    if (!e.active || trained.has(e.id)) continue;
    if (filter.divisionId && e.divisionId !== filter.divisionId) continue;
    matched++;
    const reach = lineReach(e);
    if (!reach.reachable) {
      excluded[reach.reason]++;
      continue;
    }
    if (lineUsers.has(reach.lineUserId)) continue;
    lineUsers.add(reach.lineUserId);
    recipients.push({
      employeeId: e.id,
      name: e.name,
      lineUserId: reach.lineUserId,
      reports: 0,
      earliestDue: due,
    });
  }
  recipients.sort((a, b) => (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0));
  return { recipients, excluded, matchedPeople: matched, matchedReports: 0 };
}
