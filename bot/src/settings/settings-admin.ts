import {
  type ApprovalChainSetting,
  DEFAULT_SURVEY_MIN_GROUP_SIZE,
  type MunicipalitySettings,
  parseSettingsInput,
  ROLE_LABELS,
  SETTINGS_LIMITS,
} from '@phattana/shared';
import { type DocumentReference, type DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import { isoOfTimestamp } from '../api/timestamp-iso';
import { type StaffSource, unusableStaff } from '../people/staff-record-repository';

// The municipality's settings HR edits in the LIFF app (yearly hours target, approval chain, surveys'
// smallest group), kept on the municipality document with who changed what, for the audit trail. The
// routes (api/settings-routes.ts) only translate HTTP.

/** How many settings changes the municipality document keeps for the audit trail. */
const SETTINGS_HISTORY_MAX = 50;

export interface SettingsCollections extends StaffSource {
  readonly municipality: DocumentReference;
}

/** The settings as stored, with the defaults for what was never set. */
export function settingsOf(snap: DocumentSnapshot): MunicipalitySettings {
  return {
    yearlyHoursTarget: Number(snap.get('yearlyHoursTarget') ?? 0),
    approvalChain: (snap.get('approvalChain') as ApprovalChainSetting | undefined) ?? {},
    surveyMinGroupSize: Number(snap.get('surveyDefaults.minGroupSize') ?? DEFAULT_SURVEY_MIN_GROUP_SIZE),
  };
}

/** The settings page's view: the settings, who changed them last, and what the form offers. */
export function settingsView(snap: DocumentSnapshot) {
  return {
    settings: settingsOf(snap),
    updatedBy: (snap.get('settingsUpdatedBy') as { employeeId: string; name: string } | undefined) ?? null,
    updatedAt: isoOfTimestamp(snap.get('settingsUpdatedAt')),
    options: {
      roles: (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((id) => ({
        id,
        name: ROLE_LABELS[id],
      })),
      limits: SETTINGS_LIMITS,
    },
  };
}

export type SettingsView = ReturnType<typeof settingsView>;

/** What the settings routes need; the routes' unit tests give an in-memory one. */
export interface SettingsAdmin {
  read(): Promise<SettingsView>;
  /** checks and saves; a refusal lists the Thai message of each field */
  save(
    body: unknown,
    by: { employeeId: string; name: string },
    now: Date,
  ): Promise<{ errors: Record<string, string> } | { view: SettingsView }>;
}

export const firestoreSettingsAdmin = (c: SettingsCollections): SettingsAdmin => ({
  read: () => readSettings(c),
  save: (body, by, now) => saveSettings(c, body, by, now),
});

export async function readSettings(c: Pick<SettingsCollections, 'municipality'>): Promise<SettingsView> {
  return settingsView(await c.municipality.get());
}

/** The form's checks, then the sign-off stop must be someone still working here (`usable`). */
export async function checkSettings(
  body: unknown,
  usable: (employeeId: string) => Promise<boolean>,
): Promise<{ errors: Record<string, string> } | { settings: MunicipalitySettings }> {
  const parsed = parseSettingsInput(body);
  if ('errors' in parsed) return parsed;
  const stopAt = parsed.settings.approvalChain.stopAtEmployeeId;
  if (stopAt && !(await usable(stopAt)))
    return { errors: { stopAtEmployeeId: `ไม่พบพนักงานรหัส ${stopAt} ที่ยังปฏิบัติงานอยู่` } };
  return parsed;
}

/**
 * Checks and saves the settings (checkSettings against the staff list). The whole approval chain is replaced (a stop HR cleared must not survive a merge) and the
 * change joins the history, in one transaction.
 */
export async function saveSettings(
  c: SettingsCollections,
  body: unknown,
  by: { employeeId: string; name: string },
  now: Date,
): Promise<{ errors: Record<string, string> } | { view: SettingsView }> {
  const checked = await checkSettings(body, async (id) => {
    const { unknown, left } = await unusableStaff(c, [id]);
    return unknown.length + left.length === 0;
  });
  if ('errors' in checked) return checked;
  const s = checked.settings;
  const at = Timestamp.fromDate(now);
  await c.municipality.firestore.runTransaction(async (tx) => {
    const snap = await tx.get(c.municipality);
    const before = settingsOf(snap);
    const history = ((snap.get('settingsHistory') as unknown[] | undefined) ?? []).slice(
      -(SETTINGS_HISTORY_MAX - 1),
    );
    tx.set(
      c.municipality,
      {
        yearlyHoursTarget: s.yearlyHoursTarget,
        approvalChain: { ...s.approvalChain } satisfies ApprovalChainSetting,
        surveyDefaults: { minGroupSize: s.surveyMinGroupSize },
        settingsUpdatedBy: by,
        settingsUpdatedAt: at,
        settingsHistory: [...history, { by, at, before, after: s }],
      },
      {
        mergeFields: [
          'yearlyHoursTarget',
          'approvalChain',
          'surveyDefaults',
          'settingsUpdatedBy',
          'settingsUpdatedAt',
          'settingsHistory',
        ],
      },
    );
  });
  return { view: await readSettings(c) };
}
