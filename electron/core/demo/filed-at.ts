import { addDays } from '../time/day-arithmetic';
import type { SeededRandom } from './random';

/**
 * When a demo request was filed: a day up to `back` days before `today` (Riyadh), in working hours (08:00–17:59
 * Riyadh). Filed today at an hour still to come would be filed in the future (its history then read "submitted
 * 15:38, claimed 06:16"): such a request was filed the day before, at the same hour.
 */
export function demoFiledAt(rng: SeededRandom, today: string, back: number, now: Date): { day: string; at: string } {
  const drawn = addDays(today, -rng.int(0, back));
  const time = `T${String(rng.int(5, 14)).padStart(2, '0')}:${rng.digits(2).replace(/^[6-9]/, '5')}:00.000Z`;
  const day = `${drawn}${time}` > now.toISOString() ? addDays(drawn, -1) : drawn;
  return { day, at: `${day}${time}` };
}
