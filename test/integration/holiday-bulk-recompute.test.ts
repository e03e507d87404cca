import { THAI_GOVERNMENT_HOLIDAYS } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { claimDueDateRecompute } from '../../bot/src/reports/recompute-due-dates';
import { useTestFirestore } from '../support/firestore';

// A bulk holiday edit (the shipped list written at first use, a year's import) fires the holiday
// trigger once per holiday; on the real emulator, only the first trigger that cannot be sure a run saw
// its write recomputes the open reports' due dates, and a later edit recomputes again.

const fs = useTestFirestore();
const m = () => fs.db.collection('municipalities').doc('bulk');

beforeEach(async () => {
  await fs.reset();
  await m().set({ name: 'เทศบาลทดสอบ' });
});

describe('one due-date recompute per bulk holiday edit', () => {
  it('lets one of the triggers of a bulk write run, and the next edit run again', async () => {
    const holidays = THAI_GOVERNMENT_HOLIDAYS.slice(0, 20);
    const batch = fs.db.batch();
    for (const h of holidays) batch.set(m().collection('holidays').doc(h.date), { ...h, source: 'shipped' });
    const written = await batch.commit();
    const writtenAt = (written[0]?.writeTime ?? null)?.toDate();
    expect(writtenAt).toBeInstanceOf(Date);

    // every holiday's trigger at once, as Cloud Functions would deliver them
    const runs = await Promise.all(holidays.map(() => claimDueDateRecompute(fs.db, m(), writtenAt)));
    expect(runs.filter(Boolean)).toHaveLength(1);
    // a trigger redelivered later finds the work done
    expect(await claimDueDateRecompute(fs.db, m(), writtenAt)).toBe(false);

    // HR removes one afterwards: its trigger recomputes
    const removed = await m()
      .collection('holidays')
      .doc(holidays[3]?.date as string)
      .set({ removed: true }, { merge: true });
    expect(await claimDueDateRecompute(fs.db, m(), removed.writeTime.toDate())).toBe(true);
    expect(await claimDueDateRecompute(fs.db, m(), removed.writeTime.toDate())).toBe(false);
    // HR's own edit through the API recomputes at once, whatever ran before
    expect(await claimDueDateRecompute(fs.db, m())).toBe(true);
    expect(await claimDueDateRecompute(fs.db, m())).toBe(true);
  });
});
