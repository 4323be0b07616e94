/** Time is injected so tests can stand on a fixed day (windows, ages, SLA): testing/fixed-clock.ts. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
