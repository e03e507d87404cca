import { describe, expect, it } from 'vitest';
import { lastYearOf, targetHistory, targetYearFromData } from '../../src/targets/target-history';

const y2568 = targetYearFromData(2568, {
  rules: { developed: { comparison: 'atLeast', percent: 75 } },
  results: { developed: { value: 70, source: 'hr' }, fairness: { value: 58, source: 'system' } },
});
const y2569 = targetYearFromData(2569, {
  rules: {
    developed: { comparison: 'atLeast', percent: 80, orNotBelow: 'lastResult' },
    fairness: { comparison: 'above', percent: 55 },
  },
  results: { developed: { value: 72, source: 'system' }, fairness: { value: 57 } },
});
const y2570 = targetYearFromData(2570, {
  rules: { fairness: { comparison: 'above', percent: 60, orNotBelow: 'lastTarget' } },
  results: {},
});

describe('target history across fiscal years', () => {
  it('judges each year under its own rule against the year before', () => {
    const h = targetHistory(
      [y2570, y2568, y2569],
      { from: 2568, to: 2570 },
      { fiscalYear: 2570, results: { developed: 81, fairness: 56 } },
    );
    const developed = h.find((x) => x.id === 'developed')?.points;
    expect(developed?.map((p) => [p.fiscalYear, p.rule.percent, p.result, p.verdict.met])).toEqual([
      [2568, 75, 70, false],
      // 72 < 80 but not below 2568's 70
      [2569, 80, 72, true],
      // 2570 has no rule of its own: the plan's default 80
      [2570, 80, 81, true],
    ]);
    expect(developed?.[1]?.verdict).toEqual({ met: true, by: 'lastYear' });
    expect(developed?.[2]?.ruleSet).toBe(false);
    const fairness = h.find((x) => x.id === 'fairness')?.points;
    // 56 is not above 60, but not below 2569's target of 55
    expect(fairness?.[2]?.verdict).toEqual({ met: true, by: 'lastYear' });
    expect(fairness?.[1]).toMatchObject({ result: 57, source: 'system', verdict: { met: true } });
  });

  it('keeps a result HR typed in over the computed one', () => {
    const points = targetHistory(
      [y2568],
      { from: 2568, to: 2568 },
      { fiscalYear: 2568, results: { developed: 0, fairness: 61 } },
    );
    const of = (id: string) => points.find((x) => x.id === id)?.points[0];
    expect(of('developed')).toMatchObject({ result: 70, source: 'hr' });
    expect(of('fairness')).toMatchObject({ result: 61, source: 'system' });
  });

  it('keeps a first year without a year before to compare with', () => {
    const [first] =
      targetHistory([y2569], { from: 2569, to: 2569 }).find((x) => x.id === 'developed')?.points ?? [];
    expect(first?.verdict).toEqual({ met: false, by: 'noLastYear' });
  });

  it('shows a year never recorded with the default rule, and it offers the next year nothing to compare', () => {
    const points =
      targetHistory([y2568], { from: 2569, to: 2570 }, { fiscalYear: 2570, results: { developed: 70 } }).find(
        (x) => x.id === 'developed',
      )?.points ?? [];
    expect(points.map((p) => [p.fiscalYear, p.rule.percent, p.ruleSet, p.result])).toEqual([
      [2569, 80, false, null],
      [2570, 80, false, 70],
    ]);
    expect(points[0]?.verdict).toEqual({ met: null, by: 'noResult' });
    expect(points[1]?.verdict).toEqual({ met: false, by: 'percent' });
  });

  it('reads a stored year leniently', () => {
    const y = targetYearFromData(2570, {
      rules: {
        developed: { comparison: 'atLeast', percent: 500 },
        nonsense: { comparison: 'atLeast', percent: 1 },
      },
      results: { developed: { value: 'many' }, fiveS: { value: 91, source: 'hr' } },
    });
    expect(y).toEqual({ fiscalYear: 2570, rules: {}, results: { fiveS: { value: 91, source: 'hr' } } });
  });

  it('knows nothing of a year never recorded', () => {
    expect(lastYearOf(undefined, 'fairness')).toEqual({ result: null, target: null });
    expect(lastYearOf(y2569, 'fairness')).toEqual({ result: 57, target: 55 });
    expect(lastYearOf(y2569, 'eLearning')).toEqual({ result: null, target: 80 });
  });
});
