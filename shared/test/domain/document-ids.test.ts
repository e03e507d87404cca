import { describe, expect, it } from 'vitest';
import {
  isAutoId,
  isEmployeeId,
  isFirestoreDocId,
  isLineUserId,
  isReportId,
  isSurveyId,
} from '../../src/domain/document-ids';

// Firestore refuses these ids with an exception; every pattern must refuse them first.
const FORBIDDEN = [
  '',
  '\uD800',
  'a\uDC00b',
  '.',
  '..',
  '__X__',
  '__.__',
  '____',
  'a/b',
  '/',
  'x'.repeat(1501),
  'ก'.repeat(501),
];

describe('document ids', () => {
  it('refuses what Firestore refuses, under every pattern', () => {
    for (const check of [isFirestoreDocId, isEmployeeId, isReportId, isAutoId, isSurveyId]) {
      expect(FORBIDDEN.filter((id) => check(id))).toEqual([]);
    }
  });

  it('accepts the ids the system makes', () => {
    expect(isEmployeeId('E012')).toBe(true);
    expect(isEmployeeId('ทน.001')).toBe(true);
    expect(isEmployeeId('__X')).toBe(true); // reserved only when it both starts and ends with __
    expect(isReportId('E012_T2570-001')).toBe(true);
    expect(isAutoId('aB3_x-9')).toBe(true);
    expect(isSurveyId('satisfaction-2570-ab12cd')).toBe(true);
    expect(isFirestoreDocId('ก'.repeat(500))).toBe(true); // 1,500 bytes exactly
  });

  it('takes only non-strings as not ids', () => {
    for (const v of [undefined, null, 12, {}, ['E012']]) expect(isFirestoreDocId(v)).toBe(false);
  });

  it('knows a LINE user id by its documented form', () => {
    expect(isLineUserId('U0123456789abcdef0123456789abcdef')).toBe(true);
    expect(isLineUserId('U0123456789ABCDEF0123456789abcdef')).toBe(false);
    expect(isLineUserId('../conversations')).toBe(false);
    expect(isLineUserId(42)).toBe(false);
  });
});
