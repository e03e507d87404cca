// Whether a message can reach a member of staff through LINE. One rule for every sender (reminders,
// notifications to approvers, HR broadcasts), so they all leave out the same people for the same reasons.

export type UnreachableReason = 'noStaffRecord' | 'left' | 'notLinked' | 'blocked';

export const UNREACHABLE_LABELS: Record<UnreachableReason, string> = {
  left: 'พ้นจากตำแหน่ง/ลาออกแล้ว',
  notLinked: 'ยังไม่ได้ลงทะเบียน LINE',
  blocked: 'บล็อกบัญชี LINE ของระบบ',
  noStaffRecord: 'ไม่พบข้อมูลพนักงาน',
};

/** The parts of a staff record that decide it. */
export interface LineReachable {
  readonly active?: boolean;
  readonly lineUserId?: string;
  /** false once they blocked the bot; undefined counts as following (older records) */
  readonly lineFollowing?: boolean;
}

export type LineReach =
  | { readonly reachable: true; readonly lineUserId: string }
  | { readonly reachable: false; readonly reason: UnreachableReason };

export function lineReach(e: LineReachable | undefined): LineReach {
  if (!e) return { reachable: false, reason: 'noStaffRecord' };
  if (e.active === false) return { reachable: false, reason: 'left' };
  if (!e.lineUserId) return { reachable: false, reason: 'notLinked' };
  if (e.lineFollowing === false) return { reachable: false, reason: 'blocked' };
  return { reachable: true, lineUserId: e.lineUserId };
}
