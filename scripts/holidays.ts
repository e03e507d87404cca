// HR's holiday list (the working-day calendar behind every report due date), until the LIFF
// management page exists:
//
//   npm run holidays -- list [--year 2027]                 the municipality's holidays
//   npm run holidays -- add 2026-12-30 "วันหยุดพิเศษ (มติ ครม.)" [--kind special|public|substitution|local]
//   npm run holidays -- remove 2026-12-30                  e.g. a cabinet cancelled a special day
//
// After a change, every report still to be filed gets the due date the new calendar gives (the
// deployed holidayChanged trigger does the same). Options: --municipality <id> (default demo),
// --project <id>, --by <who>. Against `npm start`: FIRESTORE_EMULATOR_HOST=127.0.0.1:8080.
import {
  addHoliday,
  createHolidayCalendarSource,
  HolidayInputError,
  type HolidayKind,
  recomputeOpenDueDates,
  removeHoliday,
  seedGovernmentHolidays,
} from '@phattana/bot';
import { formatThaiDate } from '@phattana/shared';
import { openHrCli, runHrCli, usage } from './support/hr-cli';

async function main(): Promise<number> {
  const cli = openHrCli('holidays-cli', {
    kind: { type: 'string', default: 'special' },
    year: { type: 'string' },
  });
  const { positionals, values, db } = cli;
  const [command, date, name] = positionals;
  const m = cli.municipality;
  const holidays = m.collection('holidays');
  const now = new Date();
  try {
    switch (command) {
      case 'list': {
        await seedGovernmentHolidays(holidays);
        const snap = await holidays.orderBy('date').get();
        for (const d of snap.docs) {
          if (d.get('removed') === true) continue;
          if (values.year && !String(d.get('date')).startsWith(values.year)) continue;
          console.log(
            `${d.get('date')}  ${formatThaiDate(String(d.get('date')))}  ${d.get('name')} (${d.get('kind')})`,
          );
        }
        return 0;
      }
      case 'add':
      case 'remove': {
        if (!date || (command === 'add' && !name)) return usage(...USAGE);
        await seedGovernmentHolidays(holidays); // the first edit starts from the shipped list
        if (command === 'add')
          await addHoliday(
            holidays,
            { date, name: name ?? '', kind: values.kind as HolidayKind, by: cli.by },
            now,
          );
        else await removeHoliday(holidays, date, cli.by, now);
        const calendar = await createHolidayCalendarSource(holidays).get();
        const moved = await recomputeOpenDueDates(db, { reports: m.collection('reports') }, calendar, now);
        console.log(
          `${command === 'add' ? 'เพิ่ม' : 'ลบ'}วันหยุด ${formatThaiDate(date)} แล้ว · ปรับกำหนดส่งรายงานที่ค้าง ${moved} ฉบับ`,
        );
        return 0;
      }
      default:
        return usage(...USAGE);
    }
  } finally {
    await cli.close();
  }
}

const USAGE = [
  'usage: npm run holidays -- list [--year YYYY] | add YYYY-MM-DD "ชื่อวันหยุด" [--kind special] | remove YYYY-MM-DD',
];

runHrCli(main, [HolidayInputError], 2);
