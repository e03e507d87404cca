// HR's surveys from the command line (the LIFF page /hr/surveys does the same):
//
//   npm run surveys -- list [--year 2570]                              this (or that) fiscal year's surveys
//   npm run surveys -- create satisfaction --opens 2026-12-07 --closes 2026-12-21 [--division finance …]
//   npm run surveys -- create fiveS --opens … --closes … --activity-date 2026-12-10 --area "อาคารสำนักงาน"
//   npm run surveys -- copy <id> --opens YYYY-MM-DD --closes YYYY-MM-DD     last year's, as a new draft
//   npm run surveys -- open <id> | close <id>                          open counts the audience per division
//   npm run surveys -- results <id>                                    response rates and per-question figures
//   npm run surveys -- export <id> --format csv|xlsx --out answers.xlsx
//
// Templates: trainingNeeds, satisfaction, fiveS. Opening from here records the audience; the
// invitations go out with the next morning job (08:30 on working days) or at once when opened in LIFF.
// Options: --municipality <id> (default demo), --project <id>, --by <who>.
// Against `npm start`: FIRESTORE_EMULATOR_HOST=127.0.0.1:8080.
import { writeFile } from 'node:fs/promises';
import {
  BAD_FISCAL_YEAR,
  exportCsv,
  fiscalYearLabel,
  formatThaiDate,
  parseFiscalYear,
  type QuestionResult,
  type SurveySummary,
  type SurveyTemplateKind,
} from '@phattana/shared';
import { municipalityCollections } from '../bot/src/municipality-collections';
import {
  createSurvey,
  exportXlsx,
  listSurveys,
  loadSurveyExport,
  loadSurveyResults,
  SurveyAdminError,
  updateSurvey,
} from '../bot/src/surveys/survey-admin';
import { openHrCli, runHrCli, usage } from './support/hr-cli';

const STATUS: Record<SurveySummary['status'], string> = { draft: 'ร่าง', open: 'เปิด', closed: 'ปิดแล้ว' };

async function main(): Promise<number> {
  const cli = openHrCli('surveys-cli', {
    year: { type: 'string' },
    opens: { type: 'string' },
    closes: { type: 'string' },
    division: { type: 'string', multiple: true },
    title: { type: 'string' },
    'activity-date': { type: 'string' },
    area: { type: 'string' },
    format: { type: 'string', default: 'xlsx' },
    out: { type: 'string' },
  });
  const { positionals, values } = cli;
  const [command, arg] = positionals;
  const c = municipalityCollections(cli.municipality);
  const now = new Date();
  const divisions = (values as Record<string, unknown>).division as string[] | undefined;
  const activity =
    values['activity-date'] || values.area
      ? { date: values['activity-date'] ?? '', area: values.area ?? '' }
      : undefined;
  try {
    switch (command) {
      case 'list': {
        const fy = parseFiscalYear(values.year, now);
        if (fy === undefined) {
          console.error(`${BAD_FISCAL_YEAR}: ${values.year}`);
          return 2;
        }
        const surveys = await listSurveys(c, fy, now);
        console.log(`${fiscalYearLabel(fy)}: แบบสำรวจ ${surveys.length} รายการ`);
        for (const s of surveys) console.log(line(s));
        return 0;
      }
      case 'create': {
        if (!arg || !values.opens || !values.closes) return usage(...USAGE);
        const s = await createSurvey(
          c,
          {
            template: arg as SurveyTemplateKind,
            opensOn: values.opens,
            closesOn: values.closes,
            ...(values.title ? { title: values.title } : {}),
            ...(divisions?.length ? { audience: { divisionIds: divisions } } : {}),
            ...(activity ? { activity } : {}),
          },
          cli.by,
          now,
        );
        console.log(`สร้างร่างแบบสำรวจแล้ว: ${s.id}\n${line(s)}\nเปิดด้วย: npm run surveys -- open ${s.id}`);
        return 0;
      }
      case 'copy': {
        if (!arg || !values.opens || !values.closes) return usage(...USAGE);
        const s = await createSurvey(
          c,
          {
            copyFrom: arg,
            opensOn: values.opens,
            closesOn: values.closes,
            ...(activity ? { activity } : {}),
          },
          cli.by,
          now,
        );
        console.log(`คัดลอก ${arg} เป็นร่างใหม่แล้ว: ${s.id}\n${line(s)}`);
        return 0;
      }
      case 'open':
      case 'close': {
        if (!arg) return usage(...USAGE);
        const { survey } = await updateSurvey(
          c,
          arg,
          { status: command === 'open' ? 'open' : 'closed' },
          { by: cli.by, now },
        );
        console.log(line(survey));
        if (command === 'open')
          console.log(
            `ผู้ได้รับแบบสำรวจ ${survey.audienceCount} คน · คำเชิญจะส่งในรอบงานเช้าถัดไป (วันทำการ 08:30) หรือเปิดจากหน้า LIFF เพื่อส่งทันที`,
          );
        return 0;
      }
      case 'results': {
        if (!arg) return usage(...USAGE);
        const { survey, results } = await loadSurveyResults(c, arg, now);
        console.log(line(survey));
        for (const d of results.divisions)
          console.log(
            `  ${d.name}: ${d.suppressed ?? `ตอบ ${d.responses}/${d.audience} คน${d.ratePercent === null ? '' : ` (${d.ratePercent}%)`}`}`,
          );
        if (results.withheld) console.log(results.withheld);
        if (results.satisfactionPercent !== null)
          console.log(`ร้อยละความพึงพอใจโดยรวม ${results.satisfactionPercent}%`);
        results.questions.forEach((q, i) => {
          console.log(`${i + 1}. ${q.text} (ตอบ ${q.answered} คน${q.skipped ? ` ข้าม ${q.skipped}` : ''})`);
          for (const text of questionLines(q)) console.log(`     ${text}`);
        });
        for (const note of results.definitions) console.log(`หมายเหตุ: ${note}`);
        return 0;
      }
      case 'export': {
        const format = values.format;
        if (!arg || !values.out || (format !== 'csv' && format !== 'xlsx')) return usage(...USAGE);
        const { table } = await loadSurveyExport(c, arg);
        await writeFile(values.out, format === 'csv' ? exportCsv(table) : await exportXlsx(table));
        console.log(`บันทึกคำตอบ ${table.rows.length} รายการลง ${values.out} แล้ว`);
        return 0;
      }
      default:
        return usage(...USAGE);
    }
  } finally {
    await cli.close();
  }
}

function line(s: SurveySummary): string {
  const rate =
    s.audienceCount === null
      ? 'ยังไม่เปิด'
      : `ตอบ ${s.responseCount}/${s.audienceCount} คน${s.ratePercent === null ? '' : ` (${s.ratePercent}%)`}`;
  return `${s.id}  [${STATUS[s.status]}]  ${s.title}  ${formatThaiDate(s.opensOn)} – ${formatThaiDate(s.closesOn)}  ${rate}`;
}

function questionLines(q: QuestionResult): string[] {
  switch (q.type) {
    case 'singleChoice':
    case 'multipleChoice':
      return q.choices.map((c) => `${c.label}: ${c.count} (${c.percent}%)`);
    case 'competencies':
      return q.picks.map((c) => `${c.label}: ${c.count} (${c.percent}%)`);
    case 'likert':
      return [
        ...q.distribution.map((c) => `${c.id} ${c.label}: ${c.count} (${c.percent}%)`),
        `ค่าเฉลี่ย ${q.mean ?? '-'} · ร้อยละความพึงพอใจ ${q.satisfactionPercent ?? '-'}% · ระดับ 4–5: ${q.topTwoPercent ?? '-'}%`,
      ];
    case 'number':
      return [`เฉลี่ย ${q.mean ?? '-'} ต่ำสุด ${q.min ?? '-'} สูงสุด ${q.max ?? '-'} ${q.unit ?? ''}`.trim()];
    case 'shortText':
    case 'longText':
      return q.answers.map((a) => `- ${a.value}`);
    case 'photo':
      return [`รูปทั้งหมด ${q.photoCount} รูป`];
  }
}

const USAGE = [
  'usage: npm run surveys -- list [--year 2570]',
  '       npm run surveys -- create trainingNeeds|satisfaction|fiveS --opens YYYY-MM-DD --closes YYYY-MM-DD [--division ID …] [--activity-date YYYY-MM-DD --area "พื้นที่"]',
  '       npm run surveys -- copy <id> --opens YYYY-MM-DD --closes YYYY-MM-DD',
  '       npm run surveys -- open <id> | close <id> | results <id>',
  '       npm run surveys -- export <id> --format csv|xlsx --out <file>',
];

runHrCli(main, [SurveyAdminError], 2);
