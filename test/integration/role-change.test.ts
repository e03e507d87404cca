import {
  createFirestoreEmployeeDirectory,
  createHttpLineClient,
  createRichMenuAdminClient,
  importEmployees,
  linkedPeopleOf,
  resolveMenuIdsByRole,
  syncLinkedPeople,
} from '@phattana/bot';
import { describe, expect, it } from 'vitest';
import { DEV_BIRTH_DATE_PEPPER } from '../../dev/src/dev-settings';
import { demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { TEST_CHANNEL, textsOf, useSystem } from '../support/system';

const sys = useSystem({ richMenus: true });

describe('HR changes a linked person’s roles by re-importing the staff list', () => {
  it('moves their chat context and rich menu to the new role', async () => {
    await sys.start();
    const m = sys.fs.db.collection('municipalities').doc(demoMunicipality.id);
    await m.set(demoMunicipality);
    const user = await sys.linkedUser({ employeeId: 'E050', name: 'นางสาวเปลี่ยน บทบาท', roles: ['staff'] });

    const csv =
      'รหัสพนักงาน,ชื่อ-สกุล,กอง/สำนัก,ตำแหน่ง,ประเภทบุคลากร,บทบาท\n' +
      'E050,นางสาวเปลี่ยน บทบาท,สำนักปลัดเทศบาล,นักทรัพยากรบุคคล,พนักงานเทศบาล,"พนักงาน, ฝ่ายบุคคล"\n';
    const result = await importEmployees({
      bytes: new TextEncoder().encode(csv),
      filename: 'staff.csv',
      municipalityId: demoMunicipality.id,
      directory: createFirestoreEmployeeDirectory(sys.fs.db, {
        municipality: m,
        employees: m.collection('employees'),
      }),
      pepper: DEV_BIRTH_DATE_PEPPER,
      now: new Date(),
    });
    expect(result.errors).toEqual([]);
    expect(result.linkedChanges).toEqual([
      { employeeId: 'E050', lineUserId: user, roles: ['staff', 'hr'], active: true },
    ]);

    const http = {
      channelAccessToken: TEST_CHANNEL.accessToken,
      apiBase: sys.platform.url,
      dataBase: sys.platform.url,
    };
    const menuIdByRole = await resolveMenuIdsByRole(createRichMenuAdminClient(http));
    expect(menuIdByRole).toBeDefined();
    const synced = await syncLinkedPeople(sys.fs.db, result.linkedChanges, {
      conversations: sys.fs.db.collection('conversations'),
      employees: m.collection('employees'),
      now: new Date(),
      menus: { line: createHttpLineClient(http), menuIdByRole: menuIdByRole! },
    });
    expect(synced).toEqual({ updated: 1, unlinked: 0, menusLinked: 1, skipped: 0 });
    expect(sys.platform.richMenuOf(user)?.menu).toMatchObject({
      name: expect.stringMatching(/^phattana:hr-general:/),
    });
    expect((await sys.fs.db.collection('conversations').doc(user).get()).get('person.roles')).toEqual([
      'staff',
      'hr',
    ]);

    // the lineUserId the person linked with survived the import
    expect((await m.collection('employees').doc('E050').get()).get('lineUserId')).toBe(user);
    await sys.text(user, 'สวัสดี');
    expect(textsOf(sys.botMessages(user)).at(-1)).toContain('ยังไม่เข้าใจ');

    // later the person leaves: the re-import marks them ลาออก and their LINE link ends
    const left = await importEmployees({
      bytes: new TextEncoder().encode(`${csv.trimEnd()},ลาออก\n`.replace('บทบาท\n', 'บทบาท,สถานะ\n')),
      filename: 'staff.csv',
      municipalityId: demoMunicipality.id,
      directory: createFirestoreEmployeeDirectory(sys.fs.db, {
        municipality: m,
        employees: m.collection('employees'),
      }),
      pepper: DEV_BIRTH_DATE_PEPPER,
      now: new Date(),
    });
    expect(left.linkedChanges).toEqual([
      { employeeId: 'E050', lineUserId: user, roles: ['staff', 'hr'], active: false },
    ]);
    const after = await syncLinkedPeople(sys.fs.db, left.linkedChanges, {
      conversations: sys.fs.db.collection('conversations'),
      employees: m.collection('employees'),
      now: new Date(),
    });
    expect(after).toMatchObject({ unlinked: 1 });
    expect((await m.collection('employees').doc('E050').get()).get('lineUserId')).toBeUndefined();
    await sys.text(user, 'เมนู');
    expect(textsOf(sys.botMessages(user)).at(-1)).toContain('ลงทะเบียน');
  });

  it('relinks every linked person to their role’s menu after the menus changed (people -- relink-menus)', async () => {
    await sys.start();
    const m = sys.fs.db.collection('municipalities').doc(demoMunicipality.id);
    const staff = await sys.linkedUser({ employeeId: 'E060', roles: ['staff'] });
    const boss = await sys.linkedUser({ employeeId: 'E061', roles: ['staff', 'supervisor'] });
    const hr = await sys.linkedUser({ employeeId: 'E062', roles: ['staff', 'hr'] });
    const gone = await sys.linkedUser({ employeeId: 'E063', roles: ['staff', 'supervisor'] });
    await m.collection('employees').doc('E063').update({ active: false });
    const http = {
      channelAccessToken: TEST_CHANNEL.accessToken,
      apiBase: sys.platform.url,
      dataBase: sys.platform.url,
    };
    const menuIdByRole = (await resolveMenuIdsByRole(createRichMenuAdminClient(http)))!;
    // linked to the menu of an earlier setup, deleted since: LINE shows them the default (staff) menu
    const line = createHttpLineClient(http);
    for (const user of [staff, boss, hr, gone]) await line.linkRichMenu(user, menuIdByRole.staff);

    const linked = await linkedPeopleOf(m.collection('employees'));
    expect(linked.map((p) => p.employeeId).sort()).toEqual(['E060', 'E061', 'E062']);
    const r = await syncLinkedPeople(sys.fs.db, linked, {
      conversations: sys.fs.db.collection('conversations'),
      employees: m.collection('employees'),
      now: new Date(),
      menus: { line, menuIdByRole },
    });
    expect(r).toEqual({ updated: 3, unlinked: 0, menusLinked: 3, skipped: 0 });
    const menuOf = (user: string) =>
      String((sys.platform.richMenuOf(user)?.menu as { name?: string } | undefined)?.name ?? '');
    expect(menuOf(staff)).toMatch(/^phattana:staff:/);
    expect(menuOf(boss)).toMatch(/^phattana:supervisor:/);
    expect(menuOf(hr)).toMatch(/^phattana:hr-general:/);
    // someone who left is not relinked by this (the staff import unlinks them)
    expect(menuOf(gone)).toMatch(/^phattana:staff:/);
  });
});
