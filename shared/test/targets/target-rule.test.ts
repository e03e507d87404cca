import { describe, expect, it } from 'vitest';
import {
  describeRule,
  evaluateTarget,
  parseTargetRule,
  type TargetRule,
} from '../../src/targets/target-rule';

const atLeast80: TargetRule = { comparison: 'atLeast', percent: 80 };
const above60: TargetRule = { comparison: 'above', percent: 60 };
const orLastResult: TargetRule = { comparison: 'atLeast', percent: 80, orNotBelow: 'lastResult' };
const orLastTarget: TargetRule = { comparison: 'above', percent: 60, orNotBelow: 'lastTarget' };

describe('a target rule', () => {
  it('"≥ X%" is met exactly at X and not just below', () => {
    expect(evaluateTarget(atLeast80, 80, undefined)).toEqual({ met: true, by: 'percent' });
    expect(evaluateTarget(atLeast80, 79.9, undefined)).toEqual({ met: false, by: 'percent' });
  });

  it('"> X%" is not met exactly at X, and met just above', () => {
    expect(evaluateTarget(above60, 60, undefined)).toEqual({ met: false, by: 'percent' });
    expect(evaluateTarget(above60, 60.1, undefined)).toEqual({ met: true, by: 'percent' });
  });

  it('says nothing without a result', () => {
    expect(evaluateTarget(orLastResult, null, { result: 50 })).toEqual({ met: null, by: 'noResult' });
  });

  it('"or not below last year\'s result" passes below X when last year was lower or equal, not higher', () => {
    expect(evaluateTarget(orLastResult, 70, { result: 70 })).toEqual({ met: true, by: 'lastYear' });
    expect(evaluateTarget(orLastResult, 70, { result: 65 })).toEqual({ met: true, by: 'lastYear' });
    expect(evaluateTarget(orLastResult, 69.9, { result: 70 })).toEqual({ met: false, by: 'percent' });
    // at X the percent decides, whatever last year was
    expect(evaluateTarget(orLastResult, 80, { result: 95 })).toEqual({ met: true, by: 'percent' });
  });

  it("without last year, or with last year's result missing, only the percent counts", () => {
    expect(evaluateTarget(orLastResult, 70, undefined)).toEqual({ met: false, by: 'noLastYear' });
    expect(evaluateTarget(orLastResult, 70, { result: null, target: 60 })).toEqual({
      met: false,
      by: 'noLastYear',
    });
    expect(evaluateTarget(orLastResult, 80, { result: null })).toEqual({ met: true, by: 'percent' });
  });

  it('"or not below last year\'s target" compares with the target, not the result', () => {
    expect(evaluateTarget(orLastTarget, 55, { target: 55, result: 90 })).toEqual({
      met: true,
      by: 'lastYear',
    });
    expect(evaluateTarget(orLastTarget, 54.9, { target: 55, result: 10 })).toEqual({
      met: false,
      by: 'percent',
    });
    expect(evaluateTarget(orLastTarget, 55, { result: 50 })).toEqual({ met: false, by: 'noLastYear' });
  });

  it('reads in Thai as the strategy words it', () => {
    expect(describeRule(atLeast80)).toBe('ไม่น้อยกว่าร้อยละ 80');
    expect(describeRule(orLastTarget)).toBe('มากกว่าร้อยละ 60 หรือไม่ต่ำกว่าเป้าหมายของปีที่แล้ว');
    expect(describeRule(orLastResult)).toBe('ไม่น้อยกว่าร้อยละ 80 หรือไม่ต่ำกว่าผลของปีที่แล้ว');
  });

  it("checks HR's input with Thai messages", () => {
    expect(parseTargetRule({ comparison: 'above', percent: '60', orNotBelow: 'lastTarget' })).toEqual({
      rule: orLastTarget,
    });
    expect(parseTargetRule({ comparison: 'atLeast', percent: 80, orNotBelow: '' })).toEqual({
      rule: atLeast80,
    });
    expect(parseTargetRule({ comparison: 'atLeast', percent: 101 })).toEqual({
      error: 'ร้อยละของเป้าหมายต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100',
    });
    expect(parseTargetRule({ comparison: 'atLeast', percent: 80.25 })).toHaveProperty('error');
    expect(parseTargetRule({ comparison: 'most', percent: 80 })).toHaveProperty('error');
    expect(parseTargetRule({ comparison: 'atLeast', percent: 80, orNotBelow: 'ever' })).toHaveProperty(
      'error',
    );
    expect(parseTargetRule(null)).toHaveProperty('error');
  });
});
