import { lineReach } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import {
  personFromStaff,
  respondentOf,
  staffRecordFromData,
  staffRoles,
} from '../src/people/staff-record-repository';

// The rules every reader of a staff record now gets from one parser.

describe('staff record parsing', () => {
  it('reads a full record as stored', () => {
    const r = staffRecordFromData(
      'E010',
      {
        code: 'E010',
        name: 'นางสาวจิราพร สายทอง',
        divisionId: 'finance',
        position: 'นักวิชาการเงินและบัญชี',
        staffType: 'municipalEmployee',
        jobLine: 'การเงิน',
        level: 'ปฏิบัติการ',
        supervisorId: 'E009',
        roles: ['staff', 'supervisor'],
        active: true,
        lineUserId: 'U1',
        lineFollowing: false,
        libraryDigest: false,
        functionalCompetencyIds: ['F1', 7, 'F2'],
        birthDateHash: 'abc',
      },
      'm1',
    );
    expect(r).toEqual({
      id: 'E010',
      municipalityId: 'm1',
      code: 'E010',
      name: 'นางสาวจิราพร สายทอง',
      divisionId: 'finance',
      position: 'นักวิชาการเงินและบัญชี',
      staffType: 'municipalEmployee',
      jobLine: 'การเงิน',
      level: 'ปฏิบัติการ',
      supervisorId: 'E009',
      roles: ['staff', 'supervisor'],
      active: true,
      lineUserId: 'U1',
      lineFollowing: false,
      libraryDigest: false,
      functionalCompetencyIds: ['F1', 'F2'],
      birthDateHash: 'abc',
    });
  });

  it('gives an old or partial record the defaults: staff, active, following, digest on', () => {
    const r = staffRecordFromData('E1', { name: 42, roles: [] }, 'm1');
    expect(r.roles).toEqual(['staff']);
    expect(r.active).toBe(true);
    expect(r.lineFollowing).toBe(true);
    expect(r.libraryDigest).toBe(true);
    expect(r.name).toBe('');
    expect(r.code).toBe('E1');
    expect(r.supervisorId).toBeNull();
    expect(r.functionalCompetencyIds).toEqual([]);
    expect('lineUserId' in r).toBe(false);
  });

  it('grants only known roles; a record with roles that are all unknown grants nothing', () => {
    expect(staffRoles(['hr', 'admin'])).toEqual(['hr']);
    expect(staffRoles(['admin'])).toEqual([]);
    expect(staffRoles(undefined)).toEqual(['staff']);
    expect(staffRoles('hr')).toEqual(['staff']);
  });

  it('says who can be reached through LINE from the parsed record', () => {
    const base = { name: 'ก', lineUserId: 'U1' };
    expect(lineReach(staffRecordFromData('E1', base, 'm'))).toEqual({ reachable: true, lineUserId: 'U1' });
    expect(lineReach(staffRecordFromData('E1', { ...base, active: false }, 'm'))).toEqual({
      reachable: false,
      reason: 'left',
    });
    expect(lineReach(staffRecordFromData('E1', { ...base, lineFollowing: false }, 'm'))).toEqual({
      reachable: false,
      reason: 'blocked',
    });
    expect(lineReach(staffRecordFromData('E1', { name: 'ก' }, 'm'))).toEqual({
      reachable: false,
      reason: 'notLinked',
    });
  });

  it('makes a survey respondent of an active record only, and the chat person of any', () => {
    const active = staffRecordFromData('E1', { name: 'ก', divisionId: 'd1', roles: ['hr'] }, 'm');
    expect(respondentOf(active)).toEqual({
      divisionId: 'd1',
      staffType: '',
      roles: ['hr'],
      functionalCompetencyIds: [],
    });
    expect(respondentOf(staffRecordFromData('E1', { active: false }, 'm'))).toBeUndefined();
    expect(respondentOf(undefined)).toBeUndefined();
    expect(personFromStaff(active)).toEqual({ employeeId: 'E1', name: 'ก', roles: ['hr'] });
  });
});
