// HR's tools for LINE links and PDPA requests until the LIFF management pages exist:
//
//   npm run people -- invite <employeeId> [--days 14]      one-time invite code for a staff record
//   npm run people -- unlink <employeeId>                  remove a LINE link (lost phone, wrong person)
//   npm run people -- requests                             open access/deletion requests, by deadline
//   npm run people -- complete-deletion <requestId>        carry out a deletion request
//   npm run people -- relink-menus                         everyone linked gets their role's current rich
//                                                          menu (after richmenu:setup changed the menus;
//                                                          needs LINE_CHANNEL_ACCESS_TOKEN)
//   npm run people -- sort-keys                            Thai sort key of every staff record's name
//                                                          (once after upgrading: the team view orders
//                                                          by it; safe to run again)
//
// Common options: --municipality <id> (default demo), --project <id>, --by <who, for the record>.
// Against the emulator of `npm start`: FIRESTORE_EMULATOR_HOST=127.0.0.1:8080.
import {
  backfillNameSortKeys,
  completeDeletionRequest,
  createHttpLineClient,
  createRichMenuAdminClient,
  DataRequestError,
  EmployeeNotFoundError,
  issueInvite,
  linkedPeopleOf,
  openDataRequests,
  resolveMenuIdsByRole,
  syncLinkedPeople,
  unlinkEmployee,
} from '@phattana/bot';
import { formatInviteCode, formatThaiDate } from '@phattana/shared';
import { openHrCli, runHrCli, usage } from './support/hr-cli';

async function main(): Promise<number> {
  const cli = openHrCli('people-cli', { days: { type: 'string', default: '14' } });
  const { positionals, values, db } = cli;
  const [command, id] = positionals;
  const m = cli.municipality;
  const c = {
    employees: m.collection('employees'),
    invites: m.collection('invites'),
    dataRequests: m.collection('dataRequests'),
    conversations: db.collection('conversations'),
  };
  const now = new Date();
  try {
    switch (command) {
      case 'invite': {
        if (!id) return usage(...USAGE);
        const days = Number(values.days);
        const { code, expiresAt } = await issueInvite(db, c, {
          employeeId: id,
          now,
          days,
          issuedBy: cli.by,
        });
        console.log(`รหัสเชิญของ ${id}: ${formatInviteCode(code)} ใช้ได้ถึง ${formatThaiDate(expiresAt)}`);
        return 0;
      }
      case 'unlink': {
        if (!id) return usage(...USAGE);
        const r = await unlinkEmployee(db, c, { employeeId: id, now, by: cli.by });
        console.log(r.lineUserId ? `ยกเลิกการเชื่อม LINE ของ ${id} แล้ว` : `${id} ไม่ได้เชื่อม LINE อยู่`);
        return 0;
      }
      case 'requests': {
        const open = await openDataRequests(c.dataRequests);
        if (open.length === 0) console.log('ไม่มีคำขอที่ค้างอยู่');
        for (const r of open) {
          const kind = r.kind === 'deletion' ? 'ขอลบข้อมูล' : 'ขอดูข้อมูล';
          console.log(`${r.id}  ${kind}  พนักงาน ${r.employeeId ?? '-'}  ครบกำหนด ${formatThaiDate(r.dueBy)}`);
        }
        return 0;
      }
      case 'complete-deletion': {
        if (!id) return usage(...USAGE);
        await completeDeletionRequest(db, c, { requestId: id, by: cli.by, now });
        console.log(`ดำเนินการคำขอลบข้อมูล ${id} แล้ว`);
        return 0;
      }
      case 'relink-menus': {
        const token = process.env.LINE_CHANNEL_ACCESS_TOKEN;
        if (!token) {
          console.error('ตั้งค่า LINE_CHANNEL_ACCESS_TOKEN ก่อน (โทเคนของช่อง Messaging API)');
          return 1;
        }
        const http = {
          channelAccessToken: token,
          apiBase: process.env.LINE_API_BASE,
          dataBase: process.env.LINE_DATA_API_BASE ?? process.env.LINE_API_BASE,
        };
        const menuIdByRole = await resolveMenuIdsByRole(createRichMenuAdminClient(http));
        if (!menuIdByRole) {
          console.error('ยังไม่พบเมนูของพัฒนาใน LINE: รัน npm run richmenu:setup ก่อน');
          return 1;
        }
        const linked = await linkedPeopleOf(c.employees);
        const r = await syncLinkedPeople(db, linked, {
          conversations: c.conversations,
          employees: c.employees,
          now,
          menus: { line: createHttpLineClient(http), menuIdByRole },
        });
        console.log(
          `ผู้ที่เชื่อม LINE ${linked.length} คน: เปลี่ยนเป็นเมนูตามบทบาทแล้ว ${r.menusLinked} คน` +
            (r.skipped > 0 ? `, ข้าม ${r.skipped} คน (บัญชี LINE ไม่ได้เชื่อมกับรหัสนี้แล้ว)` : ''),
        );
        return 0;
      }
      case 'sort-keys': {
        const r = await backfillNameSortKeys(c.employees);
        console.log(`ตรวจรายชื่อบุคลากร ${r.read} คน: เพิ่ม/แก้คีย์เรียงชื่อภาษาไทย ${r.written} คน`);
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
  'ใช้: npm run people -- invite <รหัสพนักงาน> | unlink <รหัสพนักงาน> | requests | complete-deletion <รหัสคำขอ> | relink-menus | sort-keys',
];

runHrCli(main, [EmployeeNotFoundError, DataRequestError]);
