import type { IsoDate } from '../text/thai-date';

// Who a reminder broadcast goes to: people who still owe a post-training report (pending or returned),
// narrowed down by the filter; or, with `noEthicsTraining`, active people without an entry in the
// ethics curriculum in a fiscal year (the mandatory training).

export type BroadcastFilter =
  | { readonly kind: 'allPending' }
  /** the due date has passed */
  | { readonly kind: 'overdue' }
  /** due today or within the next `workingDays` working days (not yet late) */
  | { readonly kind: 'dueWithin'; readonly workingDays: number }
  /** everyone in one division (กอง/สำนัก) */
  | { readonly kind: 'division'; readonly divisionId: string; readonly divisionName?: string }
  /** people HR picked from the late list (employee ids); still only those who owe a report */
  | { readonly kind: 'people'; readonly employeeIds: readonly string[] }
  /** active staff with no ethics-curriculum entry in the fiscal year, optionally of one division */
  | {
      readonly kind: 'noEthicsTraining';
      readonly fiscalYear: number;
      readonly divisionId?: string;
      readonly divisionName?: string;
    };

export type BroadcastFilterKind = BroadcastFilter['kind'];

/** Working days HR may look ahead with `dueWithin`. */
export const DUE_WITHIN_MAX = 30;

/** People HR may pick one by one for one reminder (the late list's checkboxes). */
export const PEOPLE_MAX = 500;

/** Thai description of the group, for the preview and the audit record. */
export function describeFilter(f: BroadcastFilter): string {
  switch (f.kind) {
    case 'allPending':
      return 'ทุกคนที่ยังค้างส่งรายงานผลการฝึกอบรม';
    case 'overdue':
      return 'เฉพาะผู้ที่เลยกำหนดส่งแล้ว';
    case 'dueWithin':
      return `ผู้ที่ครบกำหนดส่งภายใน ${f.workingDays} วันทำการ`;
    case 'division':
      return `ผู้ค้างส่งใน${f.divisionName ?? ` ${f.divisionId}`}`;
    case 'people':
      return `ผู้ค้างส่งที่เลือกไว้ ${f.employeeIds.length} คน`;
    case 'noEthicsTraining':
      return `ผู้ที่ยังไม่ได้อบรมหลักสูตรด้านคุณธรรมและจริยธรรม ปีงบประมาณ พ.ศ. ${f.fiscalYear}${
        f.divisionId ? ` ใน${f.divisionName ?? ` ${f.divisionId}`}` : ''
      }`;
  }
}

/** The filter checked and normalised, or undefined when it cannot be used (e.g. from a forged button). */
export function parseFilter(raw: unknown): BroadcastFilter | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  switch (r.kind) {
    case 'allPending':
    case 'overdue':
      return { kind: r.kind };
    case 'dueWithin': {
      const n = Number(r.workingDays);
      return Number.isInteger(n) && n >= 0 && n <= DUE_WITHIN_MAX
        ? { kind: 'dueWithin', workingDays: n }
        : undefined;
    }
    case 'division': {
      const id = typeof r.divisionId === 'string' ? r.divisionId.trim() : '';
      if (!id) return undefined;
      return typeof r.divisionName === 'string' && r.divisionName
        ? { kind: 'division', divisionId: id, divisionName: r.divisionName }
        : { kind: 'division', divisionId: id };
    }
    case 'people': {
      if (!Array.isArray(r.employeeIds)) return undefined;
      const ids = [
        ...new Set(r.employeeIds.map((id) => (typeof id === 'string' ? id.trim() : '')).filter(Boolean)),
      ];
      if (ids.length === 0 || ids.length > PEOPLE_MAX || ids.length !== r.employeeIds.length)
        return undefined;
      return { kind: 'people', employeeIds: ids };
    }
    case 'noEthicsTraining': {
      const fy = Number(r.fiscalYear);
      if (!Number.isInteger(fy) || fy < 2500 || fy > 2700) return undefined;
      const id = typeof r.divisionId === 'string' ? r.divisionId.trim() : '';
      const name = typeof r.divisionName === 'string' ? r.divisionName : '';
      return {
        kind: 'noEthicsTraining',
        fiscalYear: fy,
        ...(id ? { divisionId: id } : {}),
        ...(id && name ? { divisionName: name } : {}),
      };
    }
    default:
      return undefined;
  }
}

/** Whether a report due on `dueDate` falls in the filter's window (division and people are judged per person). */
export function dueDateMatches(
  f: BroadcastFilter,
  dueDate: IsoDate,
  today: IsoDate,
  dueLimit?: IsoDate,
): boolean {
  switch (f.kind) {
    case 'overdue':
      return dueDate < today;
    case 'dueWithin':
      return dueDate >= today && dueDate <= (dueLimit ?? today);
    default:
      return true;
  }
}
