import type { Clock } from '../clock';

/** A clock standing on one instant until the test moves it: windows, ages and SLA days on a fixed day. */
export const fixedClock = (iso: string): Clock & { set(iso: string): void } => {
  let t = new Date(iso);
  return { now: () => new Date(t), set: (next) => void (t = new Date(next)) };
};
