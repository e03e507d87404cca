// A municipality's own record, before its staff list can be imported (README "Configuration and
// deploy"):
//
//   npm run municipality -- init --id banmai --file municipality.json   create, or update what the file gives
//   npm run municipality -- show --id banmai                            what the bot will read
//
// One deployment serves many municipalities; the platform's administrator onboards one without a developer:
//   npm run municipality -- list                                        every municipality, staff / linked / HR
//   npm run municipality -- admins --id banmai --employees E004,E007    name its HR admins (after the staff import)
//   npm run municipality -- invites --id banmai [--employee E004] [--days 14]
//                                                                       invite codes: one person, or everyone not linked
//   npm run municipality -- region --id khonkaen --name "สถ.จ.ขอนแก่น" --members banmai,nongnamsai
//   npm run municipality -- region-staff --id khonkaen --line-user U…   a regional officer (aggregates only)
//   npm run municipality -- platform-admin --line-user U…               the deployment's administrator (LIFF /platform)
//
// The file (see docs/municipality.example.json) names the municipality, its province, its divisions
// (id + Thai name) and optionally HR's settings; left-out settings start at their defaults and are
// never reset by a re-run. A division staff records still use cannot be removed.
// Options: --project <id>, --by <who>. Against `npm start`: FIRESTORE_EMULATOR_HOST=127.0.0.1:8080.
import { readFile } from 'node:fs/promises';
import {
  addPlatformAdmin,
  addRegionalStaff,
  issueMunicipalityInvites,
  listMunicipalities,
  MunicipalitySetupError,
  nameHrAdmins,
  PlatformAdminError,
  setRegion,
  setUpMunicipality,
} from '@phattana/bot';
import {
  DEFAULT_SURVEY_MIN_GROUP_SIZE,
  type Division,
  formatInviteCode,
  municipalityIdError,
  parseMunicipalityFile,
  ROLE_LABELS,
  type Role,
} from '@phattana/shared';
import { openHrCli, runHrCli, usage } from './support/hr-cli';

async function main(): Promise<number> {
  const cli = openHrCli('municipality-cli', {
    id: { type: 'string' },
    file: { type: 'string' },
    employees: { type: 'string' },
    employee: { type: 'string' },
    days: { type: 'string' },
    name: { type: 'string' },
    members: { type: 'string' },
    'line-user': { type: 'string' },
  });
  const { positionals, values, db } = cli;
  const [command] = positionals;
  const id = values.id ?? '';
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  try {
    if (command === 'list') {
      for (const m of await listMunicipalities(db))
        console.log(
          `${m.id}  ${m.name} จังหวัด${m.province}  พนักงาน ${m.staff} คน · เชื่อม LINE ${m.linked} คน · ฝ่ายบุคคล ${m.hrAdmins} คน`,
        );
      return 0;
    }
    if (command === 'admins' && id) {
      const names = await nameHrAdmins(db, id, list(values.employees), { by: cli.by, now: new Date() });
      console.log(`ให้สิทธิ์ฝ่ายบุคคลของ ${id} แล้ว: ${names.join(', ')}`);
      return 0;
    }
    if (command === 'invites' && id) {
      const issued = await issueMunicipalityInvites(
        db,
        id,
        values.employee ? { employeeId: values.employee } : 'unlinked',
        { by: cli.by, now: new Date(), days: values.days ? Number(values.days) : undefined },
      );
      for (const p of issued)
        console.log(`${p.code}  ${p.name}  ${formatInviteCode(p.invite.code)}  ใช้ได้ถึง ${p.invite.expiresAt}`);
      console.log(`ออกรหัสเชิญ ${issued.length} รหัส (รหัสเก่าที่ยังไม่ใช้ของคนเดียวกันถูกยกเลิกแล้ว)`);
      return 0;
    }
    if (command === 'region' && id) {
      await setRegion(db, { id, name: values.name ?? '', municipalityIds: list(values.members) });
      console.log(`บันทึกภูมิภาค ${id} แล้ว: เทศบาลสมาชิก ${list(values.members).join(', ') || '(ไม่เปลี่ยน)'}`);
      return 0;
    }
    if (command === 'platform-admin') {
      await addPlatformAdmin(db, values['line-user'] ?? '');
      console.log('เพิ่มผู้ดูแลระบบแล้ว: เปิดหน้า /platform ใน LIFF เพื่อสร้างเทศบาล ตั้งฝ่ายบุคคล และออกรหัสเชิญ');
      return 0;
    }
    if (command === 'region-staff' && id) {
      await addRegionalStaff(db, id, values['line-user'] ?? '');
      console.log(`เพิ่มเจ้าหน้าที่ของ ${id} แล้ว: เปิดหน้า /region ใน LIFF เพื่อดูตัวชี้วัดรวม`);
      return 0;
    }
    if (!id || (command === 'init' && !values.file) || (command !== 'init' && command !== 'show'))
      return usage(...USAGE);
    const idError = municipalityIdError(id);
    if (idError) {
      console.error(idError);
      return 2;
    }
    const ref = db.collection('municipalities').doc(id);
    if (command === 'init') {
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(values.file ?? '', 'utf8'));
      } catch (err) {
        console.error(`อ่านไฟล์ ${values.file} ไม่ได้: ${(err as Error).message}`);
        return 2;
      }
      const parsed = parseMunicipalityFile(id, raw);
      if ('errors' in parsed) {
        console.error('ไฟล์ยังไม่ถูกต้อง ยังไม่ได้บันทึกอะไร:');
        for (const [field, message] of Object.entries(parsed.errors)) console.error(`  ${field}: ${message}`);
        return 2;
      }
      const r = await setUpMunicipality(db, ref, parsed.file, { by: cli.by, now: new Date() });
      console.log(
        r.created
          ? `สร้างข้อมูลเทศบาล ${id} แล้ว`
          : r.changed.length > 0
            ? `ปรับข้อมูลเทศบาล ${id} แล้ว: ${r.changed.join(', ')}`
            : `ข้อมูลเทศบาล ${id} ตรงกับไฟล์อยู่แล้ว ไม่มีการเปลี่ยนแปลง`,
      );
      console.log(`ค่าที่ใช้ตอน deploy: MUNICIPALITY_ID=${id}  MUNICIPALITY_NAME=${parsed.file.name}`);
    }
    const snap = await ref.get();
    if (!snap.exists) {
      console.error(`ไม่พบข้อมูลเทศบาล "${id}" — สร้างด้วย npm run municipality -- init --id ${id} --file <ไฟล์>`);
      return 1;
    }
    const staff = await ref.collection('employees').get();
    const count = (divisionId: string) => staff.docs.filter((d) => d.get('divisionId') === divisionId).length;
    const chain = (snap.get('approvalChain') ?? {}) as {
      stopAtRole?: Role;
      stopAtEmployeeId?: string;
      maxSteps?: number;
    };
    console.log(`${snap.get('name')} จังหวัด${snap.get('province')} (รหัส ${id})`);
    for (const d of (snap.get('divisions') as Division[] | undefined) ?? [])
      console.log(`  ${d.id}  ${d.name}  พนักงาน ${count(d.id)} คน`);
    console.log(`เป้าหมายชั่วโมงอบรมต่อปี: ${snap.get('yearlyHoursTarget') ?? 0} ชั่วโมง`);
    console.log(
      `สายอนุมัติ: ${
        [
          chain.stopAtRole ? `หยุดที่${ROLE_LABELS[chain.stopAtRole]}` : '',
          chain.stopAtEmployeeId ? `หยุดที่พนักงาน ${chain.stopAtEmployeeId}` : '',
          chain.maxSteps ? `ไม่เกิน ${chain.maxSteps} ขั้น` : '',
        ]
          .filter(Boolean)
          .join(' · ') || 'ไล่ขึ้นไปจนสุดสายบังคับบัญชา'
      }`,
    );
    console.log(
      `แบบสำรวจไม่ระบุตัวตนแสดงผลแยกกองเมื่อมีผู้ตอบอย่างน้อย ${snap.get('surveyDefaults.minGroupSize') ?? DEFAULT_SURVEY_MIN_GROUP_SIZE} คน`,
    );
    return 0;
  } finally {
    await cli.close();
  }
}

const USAGE = [
  'ใช้: npm run municipality -- init --id <รหัสเทศบาล> --file <ไฟล์ .json> | show --id <รหัสเทศบาล>',
  '  | list | admins --id <รหัสเทศบาล> --employees <รหัส,รหัส> | invites --id <รหัสเทศบาล> [--employee <รหัส>]',
  '  | region --id <รหัสภูมิภาค> --name <ชื่อ> --members <รหัสเทศบาล,…> | region-staff --id <รหัสภูมิภาค> --line-user <U…>',
  '  | platform-admin --line-user <U…>',
];

runHrCli(main, [MunicipalitySetupError, PlatformAdminError]);
