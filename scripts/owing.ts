// The who-owes-what index (municipalities/{m}/owing) that broadcast planning and the late list read:
// built from the staff records and open reports, for a deployment that ran before it existed or after a
// restore; the check says whether it has drifted from them. Chunked (a few shards per batch, records
// read in pages) and idempotent: run it after deploying, and again whenever in doubt.
//
//   npm run owing -- rebuild               the municipality (--municipality <id>, default demo)
//   npm run owing -- rebuild --all         every municipality in the deployment
//   npm run owing -- check                 where the index and the records disagree (exit 1 if any)
//
// Options: --project <id>. Against `npm start`: FIRESTORE_EMULATOR_HOST=127.0.0.1:8080.

import { owingDrift, rebuildOwingIndex } from '../bot/src/owing/owing-index-store';
import { openHrCli, runHrCli, usage } from './support/hr-cli';

async function main(): Promise<number> {
  const cli = openHrCli('owing-cli', { all: { type: 'boolean' } });
  try {
    const [command] = cli.positionals;
    const targets = (cli.values as Record<string, unknown>).all
      ? (await cli.db.collection('municipalities').get()).docs.map((d) => d.ref)
      : [cli.municipality];
    for (const m of targets)
      if (!(await m.get()).exists) {
        console.error(`ไม่พบเทศบาล "${m.id}"`);
        return 1;
      }
    if (command === 'rebuild') {
      for (const m of targets) {
        const r = await rebuildOwingIndex(m);
        console.log(`${m.id}: สร้างดัชนีผู้ค้างส่งใหม่แล้ว ${r.people} คน ใน ${r.shards} ส่วน`);
      }
      return 0;
    }
    if (command === 'check') {
      let drifted = 0;
      for (const m of targets) {
        const drift = await owingDrift(m);
        drifted += drift.length;
        console.log(
          drift.length === 0
            ? `${m.id}: ดัชนีผู้ค้างส่งตรงกับข้อมูลจริง`
            : `${m.id}: ไม่ตรง ${drift.length} คน (แก้ได้ด้วย npm run owing -- rebuild)\n  ${drift.slice(0, 20).join('\n  ')}`,
        );
      }
      return drifted === 0 ? 0 : 1;
    }
    return usage(
      'ใช้: npm run owing -- rebuild|check [--municipality <รหัสเทศบาล> | --all] [--project <project id>]',
    );
  } finally {
    await cli.close();
  }
}

// a failure prints its message only, as HR reads it
runHrCli(main, [Error]);
