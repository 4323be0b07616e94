/** Time is injected so tests can stand on a fixed day (windows, ages, SLA). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (iso: string): Clock & { set(iso: string): void } => {
  let t = new Date(iso);
  return { now: () => new Date(t), set: (next) => void (t = new Date(next)) };
};
