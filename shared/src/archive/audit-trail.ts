import type { LibraryEntry } from '../library/library-entry';
import type { ReportTransition, TrainingReport } from '../reports/training-report';
import { bangkokDate, formatThaiDate, isIsoDate } from '../text/thai-date';

// The audit archive (หลักฐานสำหรับผู้ประเมิน LPA): for one person or a whole fiscal year, every step of
// their development with its date, in Thai. It is a list of trail sections, each from a provider that
// turns one kind of record into rows; the training requests' provider plugs in the same way
// (requestTrailRows, from the requests feature) without this file knowing its records.

/** One step of a trail. */
export interface TrailRow {
  /** ISO date or instant */
  readonly date: string;
  /** the step, in Thai */
  readonly step: string;
  /** who did it ('ระบบ' for the scheduler) */
  readonly actor: string;
  readonly detail: string;
}

/** A record's trail as the archive lists it: whose, about what, and its rows. */
export interface TrailSection {
  /** the provider's id, e.g. 'report' */
  readonly kind: string;
  readonly kindLabel: string;
  readonly employeeId: string;
  readonly employeeName: string;
  readonly subject: string;
  readonly rows: readonly TrailRow[];
}

/** Employee id → name, for actors; unknown ids are shown as they are. */
export type NameOf = (employeeId: string) => string;

export const SYSTEM_ACTOR = 'ระบบ';

const ACTION_LABELS: Partial<Record<ReportTransition['action'], string>> = {
  opened: 'เปิดรายงานผลการฝึกอบรม',
  returnDateCorrected: 'แก้ไขวันกลับมาปฏิบัติงาน',
  submitted: 'ส่งรายงานผลการฝึกอบรม',
  approved: 'อนุมัติรายงาน',
  returned: 'ส่งกลับให้แก้ไข',
  performanceNote: 'บันทึกผลการปฏิบัติงานก่อน/หลังอบรม',
};

/** A report's steps (drafts left out) and, once approved, its life in the library. */
export function reportTrailRows(
  report: TrainingReport,
  entry: LibraryEntry | undefined,
  nameOf: NameOf,
): TrailRow[] {
  const actor = (id: string) => (id === 'system' ? SYSTEM_ACTOR : nameOf(id));
  let approvals = 0;
  const rows: TrailRow[] = [];
  for (const h of report.history) {
    const label = ACTION_LABELS[h.action];
    if (!label) continue;
    if (h.action === 'submitted') approvals = 0;
    const step =
      h.action === 'approved' ? `${label} (ลำดับที่ ${++approvals} จาก ${report.approvers.length})` : label;
    const detail =
      h.action === 'opened'
        ? `อบรม ${dates(report.startDate, report.endDate)} จำนวน ${report.hours} ชั่วโมง กำหนดส่ง ${formatThaiDate(report.dueDate)}`
        : h.action === 'returnDateCorrected'
          ? `กลับมาปฏิบัติงาน ${formatThaiDate(report.returnDate)}`
          : (h.comment ?? '');
    rows.push({ date: h.at, step, actor: actor(h.by), detail });
  }
  if (entry) rows.push(...libraryTrailRows(entry, nameOf));
  return rows;
}

/** Sharing with colleagues: published or kept internal, how many read it, the meeting it was presented at. */
export function libraryTrailRows(
  entry: LibraryEntry & { readonly lastReadAt?: string },
  nameOf: NameOf,
): TrailRow[] {
  const rows: TrailRow[] = [
    entry.visibility === 'published'
      ? {
          date: entry.approvedAt,
          step: 'เผยแพร่ในคลังความรู้',
          actor: SYSTEM_ACTOR,
          detail: 'เพื่อนร่วมงานในเทศบาลอ่านได้',
        }
      : {
          date: entry.internalBy?.at ?? entry.approvedAt,
          step: 'เก็บเป็นเอกสารภายใน (ไม่เผยแพร่)',
          actor: entry.internalBy ? nameOf(entry.internalBy.employeeId) : SYSTEM_ACTOR,
          detail: entry.internalBy?.role === 'hr' ? 'ฝ่ายบุคคลกำหนด' : 'ผู้รายงานเลือก',
        },
  ];
  if (entry.readCount > 0)
    rows.push({
      date: entry.lastReadAt ?? entry.approvedAt,
      step: 'เพื่อนร่วมงานเปิดอ่าน',
      actor: SYSTEM_ACTOR,
      detail: `${entry.readCount} คน`,
    });
  if (entry.presentation)
    rows.push({
      date: entry.presentation.date,
      step: 'นำเสนอในการประชุมพนักงานประจำเดือน',
      actor: nameOf(entry.presentation.by),
      detail: entry.presentation.note,
    });
  return rows;
}

/** The date as the archive shows it (Buddhist era, by Intl th-TH). */
export function trailDate(date: string): string {
  return formatThaiDate(isIsoDate(date) ? date : bangkokDate(new Date(date)));
}

export const ARCHIVE_HEADERS = [
  'ผู้รับการพัฒนา',
  'ประเภท',
  'เรื่อง',
  'วันที่',
  'ขั้นตอน',
  'ผู้ดำเนินการ',
  'รายละเอียด',
] as const;

/** Every section's rows as one table, oldest step first within each record. */
export function archiveTable(sections: readonly TrailSection[]): string[][] {
  return sections.flatMap((s) =>
    [...s.rows]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((r) => [s.employeeName, s.kindLabel, s.subject, trailDate(r.date), r.step, r.actor, r.detail]),
  );
}

const dates = (start: string, end: string) =>
  start === end ? formatThaiDate(start) : `${formatThaiDate(start)} – ${formatThaiDate(end)}`;
