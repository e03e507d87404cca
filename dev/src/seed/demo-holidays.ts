// Demo seed: the verified government holiday data from shared/, so the demo calendar matches production.
// HR edits holidays in the product; this only fills an empty emulator.
import { THAI_GOVERNMENT_HOLIDAYS } from '@phattana/shared';

export interface DemoHoliday {
  date: string;
  name: string;
  kind: 'public' | 'substitution' | 'special';
}

// Copies, so a seed run can never mutate the shared data.
export const demoHolidays: DemoHoliday[] = THAI_GOVERNMENT_HOLIDAYS.map((h) => ({ ...h }));
