import type { ApprovalChainSetting } from '../people/approval-chain';
import type { Role } from './organisation';

// The settings HR changes in the LIFF management page, stored on the municipality document: the yearly
// training-hours target, where report sign-off stops (read by the report flow at submit time) and the
// smallest group an anonymous survey shows results for. Checked here, with Thai messages.

export interface MunicipalitySettings {
  readonly yearlyHoursTarget: number;
  readonly approvalChain: ApprovalChainSetting;
  /** default `minGroupSize` of new anonymous surveys (stored as `surveyDefaults.minGroupSize`) */
  readonly surveyMinGroupSize: number;
}

export type SettingsField = keyof MunicipalitySettings | 'stopAtRole' | 'stopAtEmployeeId' | 'maxSteps';
export type SettingsErrors = Partial<Record<SettingsField | 'settings', string>>;

export const SETTINGS_LIMITS = {
  yearlyHoursTarget: { min: 0, max: 500 },
  maxSteps: { min: 1, max: 10 },
  /** below 3 a division's answers could point at one person */
  surveyMinGroupSize: { min: 3, max: 50 },
} as const;

export const DEFAULT_SURVEY_MIN_GROUP_SIZE = 5;

const ROLES: readonly Role[] = ['staff', 'supervisor', 'hr', 'executive'];

/** Checks HR's form; `stopAtEmployeeId` is checked against the staff list by the edge. */
export function parseSettingsInput(
  raw: unknown,
): { settings: MunicipalitySettings } | { errors: SettingsErrors } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { errors: { settings: 'ไม่พบการตั้งค่าที่จะบันทึก' } };
  const b = raw as Record<string, unknown>;
  const errors: SettingsErrors = {};
  const int = (v: unknown, field: SettingsField, label: string, r: { min: number; max: number }) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < r.min || n > r.max) {
      errors[field] = `${label}ต้องเป็นจำนวนเต็มตั้งแต่ ${r.min} ถึง ${r.max}`;
      return r.min;
    }
    return n;
  };
  const yearlyHoursTarget = int(
    b.yearlyHoursTarget,
    'yearlyHoursTarget',
    'เป้าหมายชั่วโมงอบรมต่อปี',
    SETTINGS_LIMITS.yearlyHoursTarget,
  );
  const surveyMinGroupSize = int(
    b.surveyMinGroupSize,
    'surveyMinGroupSize',
    'จำนวนผู้ตอบขั้นต่ำที่จะแสดงผลแยกกอง',
    SETTINGS_LIMITS.surveyMinGroupSize,
  );

  const chain: { stopAtRole?: Role; stopAtEmployeeId?: string; maxSteps?: number } = {};
  const c = b.approvalChain;
  if (c !== undefined && c !== null) {
    if (typeof c !== 'object' || Array.isArray(c)) errors.approvalChain = 'การตั้งค่าสายอนุมัติไม่ถูกต้อง';
    else {
      const a = c as Record<string, unknown>;
      if (a.stopAtRole !== undefined && a.stopAtRole !== null && a.stopAtRole !== '') {
        if (ROLES.includes(a.stopAtRole as Role)) chain.stopAtRole = a.stopAtRole as Role;
        else errors.stopAtRole = 'กรุณาเลือกบทบาทจากรายการ';
      }
      if (a.stopAtEmployeeId !== undefined && a.stopAtEmployeeId !== null && a.stopAtEmployeeId !== '') {
        if (typeof a.stopAtEmployeeId === 'string' && a.stopAtEmployeeId.trim())
          chain.stopAtEmployeeId = a.stopAtEmployeeId.trim();
        else errors.stopAtEmployeeId = 'รหัสพนักงานไม่ถูกต้อง';
      }
      if (a.maxSteps !== undefined && a.maxSteps !== null && a.maxSteps !== '')
        chain.maxSteps = int(a.maxSteps, 'maxSteps', 'จำนวนผู้อนุมัติสูงสุด', SETTINGS_LIMITS.maxSteps);
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { settings: { yearlyHoursTarget, approvalChain: chain, surveyMinGroupSize } };
}
