import { graphemeLength } from '../text/graphemes';
import {
  DEFAULT_SURVEY_MIN_GROUP_SIZE,
  type MunicipalitySettings,
  parseSettingsInput,
} from './municipality-settings';
import type { Division } from './organisation';

// The file IT fills in once per municipality (`npm run municipality -- init`): its name, province,
// divisions and, optionally, HR's settings. Checked here with a Thai message per field, so a typo is
// named before anything is written. Only what the file gives is written later, so a re-run never
// resets what HR changed in the LIFF settings page since.

/** many municipalities commit to 40 hours a year; HR changes it in the LIFF settings page */
export const DEFAULT_YEARLY_HOURS_TARGET = 40;

/** what a new municipality starts with when its file gives no settings */
export const DEFAULT_MUNICIPALITY_SETTINGS: MunicipalitySettings = {
  yearlyHoursTarget: DEFAULT_YEARLY_HOURS_TARGET,
  approvalChain: {},
  surveyMinGroupSize: DEFAULT_SURVEY_MIN_GROUP_SIZE,
};

export interface MunicipalityFile {
  readonly id: string;
  readonly name: string;
  readonly province: string;
  readonly divisions: readonly Division[];
  /** only the settings the file names; the others are left as they are (or defaulted when new) */
  readonly settings: Partial<MunicipalitySettings>;
}

/** field path (`name`, `divisions[2].id`, `settings.yearlyHoursTarget`) → Thai message */
export type MunicipalityFileErrors = Record<string, string>;

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const NAME_MAX = 100;
const SETTING_KEYS = ['yearlyHoursTarget', 'approvalChain', 'surveyMinGroupSize'] as const;

/** The municipality id names its Firestore document and the deploy's MUNICIPALITY_ID. */
export function municipalityIdError(id: string): string | undefined {
  return ID.test(id)
    ? undefined
    : 'รหัสเทศบาลต้องเป็นตัวอักษรอังกฤษหรือตัวเลข (ใช้ - หรือ _ ได้) ไม่เกิน 40 ตัว เช่น banmai';
}

export function parseMunicipalityFile(
  id: string,
  raw: unknown,
): { file: MunicipalityFile } | { errors: MunicipalityFileErrors } {
  const errors: MunicipalityFileErrors = {};
  const idError = municipalityIdError(id);
  if (idError) errors.id = idError;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { errors: { ...errors, file: 'ไฟล์ต้องเป็น JSON แบบออบเจกต์ { "name": …, "divisions": […] }' } };
  const b = raw as Record<string, unknown>;

  const text = (v: unknown, field: string, label: string): string => {
    const s = typeof v === 'string' ? v.trim() : '';
    if (!s) errors[field] = `กรุณาระบุ${label}`;
    else if (graphemeLength(s) > NAME_MAX) errors[field] = `${label}ยาวเกิน ${NAME_MAX} ตัวอักษร`;
    return s;
  };
  const name = text(b.name, 'name', 'ชื่อเทศบาล');
  const province = text(b.province, 'province', 'จังหวัด');

  const divisions: Division[] = [];
  if (!Array.isArray(b.divisions) || b.divisions.length === 0)
    errors.divisions = 'กรุณาระบุกอง/สำนักอย่างน้อยหนึ่งหน่วยงาน เช่น { "id": "palad", "name": "สำนักปลัดเทศบาล" }';
  else
    b.divisions.forEach((d: unknown, i) => {
      const at = `divisions[${i}]`;
      if (d === null || typeof d !== 'object' || Array.isArray(d)) {
        errors[at] = `กอง/สำนักลำดับที่ ${i + 1} ต้องมี id และ name`;
        return;
      }
      const v = d as Record<string, unknown>;
      const divisionId = typeof v.id === 'string' ? v.id.trim() : '';
      if (!ID.test(divisionId))
        errors[`${at}.id`] =
          `รหัสกอง/สำนักลำดับที่ ${i + 1} ต้องเป็นตัวอักษรอังกฤษหรือตัวเลข (ใช้ - หรือ _ ได้) เช่น finance`;
      else if (divisions.some((x) => x.id === divisionId))
        errors[`${at}.id`] = `รหัสกอง/สำนัก "${divisionId}" ซ้ำกับลำดับก่อนหน้า`;
      const divisionName = text(v.name, `${at}.name`, `ชื่อกอง/สำนักลำดับที่ ${i + 1}`);
      // the staff import matches the division column by name, so two alike would be ambiguous
      if (divisionName && divisions.some((x) => x.name === divisionName))
        errors[`${at}.name`] = `ชื่อกอง/สำนัก "${divisionName}" ซ้ำกับลำดับก่อนหน้า`;
      divisions.push({ id: divisionId, name: divisionName });
    });

  const settings = parseSettings(b.settings, errors);
  if (Object.keys(errors).length > 0) return { errors };
  return { file: { id, name, province, divisions, settings } };
}

/** The settings the file names, checked by the same rules as HR's settings page. */
function parseSettings(raw: unknown, errors: MunicipalityFileErrors): Partial<MunicipalitySettings> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.settings = 'settings ต้องเป็นออบเจกต์ เช่น { "yearlyHoursTarget": 40 }';
    return {};
  }
  const given = raw as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (!(SETTING_KEYS as readonly string[]).includes(key))
      errors[`settings.${key}`] = `ไม่รู้จักการตั้งค่า "${key}" (ใช้ได้: ${SETTING_KEYS.join(', ')})`;
  const parsed = parseSettingsInput({ ...DEFAULT_MUNICIPALITY_SETTINGS, ...given });
  if ('errors' in parsed) {
    for (const [field, message] of Object.entries(parsed.errors)) {
      const path = ['stopAtRole', 'stopAtEmployeeId', 'maxSteps'].includes(field)
        ? `settings.approvalChain.${field}`
        : `settings.${field}`;
      errors[path] = message;
    }
    return {};
  }
  const picked: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) if (key in given) picked[key] = parsed.settings[key];
  return picked as Partial<MunicipalitySettings>;
}
