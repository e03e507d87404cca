import {
  DEFAULT_MUNICIPALITY_SETTINGS,
  type Division,
  type MunicipalityFile,
  type MunicipalitySettings,
} from '@phattana/shared';
import { type DocumentReference, FieldPath, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { staffRecords, staffSourceOf } from './staff-record-repository';

// Writes a municipality's document from its checked file (`npm run municipality -- init`), in exactly
// the shape the bot reads: name, province, divisions, yearlyHoursTarget, approvalChain and
// surveyDefaults.minGroupSize. Only the fields the file gives are written (mergeFields), so a re-run
// keeps staff, holidays and whatever HR set in the LIFF settings page since.

/** Thrown when the file would break existing records. Message in Thai. */
export class MunicipalitySetupError extends Error {
  override name = 'MunicipalitySetupError';
}

export interface MunicipalitySetupResult {
  readonly created: boolean;
  /** the document's fields that now differ from before */
  readonly changed: readonly string[];
}

export async function setUpMunicipality(
  db: Firestore,
  municipality: DocumentReference,
  file: MunicipalityFile,
  o: { by: string; now: Date },
): Promise<MunicipalitySetupResult> {
  if (municipality.id !== file.id) throw new Error(`file for ${file.id} given document ${municipality.id}`);
  const staff = staffRecords(staffSourceOf(municipality));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(municipality);
    const before = (snap.get('divisions') as Division[] | undefined) ?? [];
    const removed = before.filter((d) => !file.divisions.some((n) => n.id === d.id));
    // staff records keep their division id; removing one they use would orphan them in every report
    const inUse: string[] = [];
    for (const d of removed) {
      if (await staff.divisionInUse(d.id, tx)) inUse.push(`${d.name} (${d.id})`);
    }
    if (inUse.length > 0)
      throw new MunicipalitySetupError(
        `ลบกอง/สำนักที่ยังมีพนักงานสังกัดอยู่ไม่ได้: ${inUse.join(', ')} — ใส่กลับในไฟล์ หรือย้ายพนักงานด้วยการนำเข้ารายชื่อก่อน`,
      );

    // the same check as HR's settings page, once there is a staff list to check against (a first
    // init comes before the import)
    const stopAt = file.settings.approvalChain?.stopAtEmployeeId;
    if (stopAt && (await staff.any(tx))) {
      const e = await staff.byId(stopAt, { tx });
      if (!e?.active)
        throw new MunicipalitySetupError(
          `settings.approvalChain.stopAtEmployeeId: ไม่พบพนักงานรหัส ${stopAt} ที่ยังปฏิบัติงานอยู่`,
        );
    }

    // a new municipality starts from the defaults; an existing one keeps what the file leaves out
    const settings: Partial<MunicipalitySettings> = snap.exists
      ? file.settings
      : { ...DEFAULT_MUNICIPALITY_SETTINGS, ...file.settings };
    const fields: Record<string, unknown> = {
      name: file.name,
      province: file.province,
      divisions: file.divisions.map((d) => ({ id: d.id, name: d.name })),
    };
    if (settings.yearlyHoursTarget !== undefined) fields.yearlyHoursTarget = settings.yearlyHoursTarget;
    // the whole chain is replaced: a stop left out of the file must not survive a merge
    if (settings.approvalChain !== undefined) fields.approvalChain = { ...settings.approvalChain };
    const paths: (string | FieldPath)[] = Object.keys(fields);
    const data: Record<string, unknown> = { ...fields };
    if (settings.surveyMinGroupSize !== undefined) {
      data.surveyDefaults = { minGroupSize: settings.surveyMinGroupSize };
      paths.push(new FieldPath('surveyDefaults', 'minGroupSize'));
      fields['surveyDefaults.minGroupSize'] = settings.surveyMinGroupSize;
    }
    const changed = Object.entries(fields)
      .filter(([k, v]) => stable(snap.get(k)) !== stable(v))
      .map(([k]) => k);
    if (changed.length === 0) return { created: false, changed };
    data.setupUpdatedBy = o.by;
    data.setupUpdatedAt = Timestamp.fromDate(o.now);
    paths.push('setupUpdatedBy', 'setupUpdatedAt');
    tx.set(municipality, data, { mergeFields: paths });
    return { created: !snap.exists, changed };
  });
}

/** JSON with sorted keys: Firestore hands maps back in its own key order */
function stable(v: unknown): string {
  return JSON.stringify(v, (_, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );
}
