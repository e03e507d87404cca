import { fiscalYearOfInstant, targetYearId } from '@phattana/shared';
import { type DocumentReference, Timestamp } from 'firebase-admin/firestore';

// Target history for `npm start`: last fiscal year's results as HR would type them in (the system
// was not used then) and this year's rules, so /hr/targets and the dashboard show met / not met under
// "or not below last year" rules and a year-on-year chart from the first start.

const HR = { employeeId: 'E003', name: 'นางกาญจนา มีทรัพย์' };

export async function seedDemoTargets(m: DocumentReference, now: Date): Promise<void> {
  const fy = fiscalYearOfInstant(now);
  const at = Timestamp.fromDate(now);
  const targets = m.collection('targets');
  const hr = (value: number) => ({ value, source: 'hr' });
  await targets.doc(targetYearId(fy - 2)).set({
    fiscalYear: fy - 2,
    rules: { fairness: { comparison: 'above', percent: 55 } },
    results: { developed: hr(71), fairness: hr(54), ethicsTraining: hr(62) },
  });
  await targets.doc(targetYearId(fy - 1)).set({
    fiscalYear: fy - 1,
    rules: { fairness: { comparison: 'above', percent: 58 } },
    results: { developed: hr(78.5), fairness: hr(61.2), ethicsTraining: hr(74), reportsFiled: hr(88) },
  });
  const rule = { comparison: 'atLeast', percent: 80, orNotBelow: 'lastResult' };
  await targets.doc(targetYearId(fy)).set(
    {
      fiscalYear: fy,
      rules: { developed: rule },
      history: [{ by: HR, at, indicatorId: 'developed', field: 'rule', before: null, after: rule }],
    },
    { merge: true },
  );
}
