// The dashboard's maintained stats, recomputed from the records (ledger entries, reports, staff): the
// migration for a year counted before the stats existed, and the truth check (it says whether the
// stored document had drifted from the records).
//
//   npm run stats:rebuild -- --fy 2570      one fiscal year (default: the current one)
//
// Options: --municipality <id> (default demo), --project <id>. Against `npm start`:
// FIRESTORE_EMULATOR_HOST=127.0.0.1:8080.

import { fiscalYearLabel, parseFiscalYear } from '@phattana/shared';
import { municipalityCollections } from '../bot/src/municipality-collections';
import { rebuildStats } from '../bot/src/stats/rebuild-stats';
import { openHrCli, runHrCli } from './support/hr-cli';

async function main(): Promise<number> {
  const cli = openHrCli('stats-cli', { fy: { type: 'string' } });
  try {
    const now = new Date();
    const fy = parseFiscalYear(cli.values.fy, now);
    if (fy === undefined) {
      console.error(`ปีงบประมาณไม่ถูกต้อง: ${cli.values.fy} (ตัวอย่าง: --fy 2570)`);
      return 2;
    }
    if (!(await cli.municipality.get()).exists) {
      console.error(`ไม่พบเทศบาล "${cli.municipality.id}"`);
      return 1;
    }
    const r = await rebuildStats(cli.db, municipalityCollections(cli.municipality), fy, now);
    const s = r.stats;
    console.log(`${fiscalYearLabel(fy)}: สร้างสถิติใหม่จากข้อมูลจริงแล้ว`);
    console.log(
      `  บุคลากร ${r.staff.active} คน · ได้รับการพัฒนา ${s.developed} คน · e-Learning ${s.eLearning} คน · ถึงเป้าหมายชั่วโมง ${s.reachedTarget} คน`,
    );
    console.log(
      `  ชั่วโมงรวม ${s.hours} · รายการ ${s.entries} · รายงานที่ต้องส่ง ${s.reportsDue} · ส่งแล้ว ${s.reportsFiled} · ตรงเวลา ${s.reportsOnTime}`,
    );
    console.log(
      r.previous === undefined
        ? '  (ยังไม่เคยมีเอกสารสถิติของปีนี้)'
        : r.drifted
          ? '  ค่าที่เก็บไว้เดิมไม่ตรงกับข้อมูลจริง: แก้ไขแล้ว'
          : '  ค่าที่เก็บไว้เดิมตรงกับข้อมูลจริง',
    );
    return 0;
  } finally {
    await cli.close();
  }
}

// a failure prints its message only, as HR reads it
runHrCli(main, [Error]);
