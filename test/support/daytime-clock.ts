import { bangkokDate } from '@phattana/shared';

/**
 * Today (Thai date) at 10:00 Thai time, running on from there with the real time: for tests that
 * expect notices pushed to other people, which quiet hours (20:00–08:00) hold at night, so they pass
 * at any hour of the day while "today" stays the real one their data is seeded around.
 */
export function daytimeClock(hour = 10): () => Date {
  const start = Date.now();
  const opening = new Date(`${bangkokDate(new Date(start))}T${String(hour).padStart(2, '0')}:00:00+07:00`);
  return () => new Date(opening.getTime() + (Date.now() - start));
}
