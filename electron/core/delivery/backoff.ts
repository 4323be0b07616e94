/** After the n-th failed try, wait 1, 2, 4, 8… minutes before the next, never more than an hour. */
export const MAX_BACKOFF_MINUTES = 60;

export function backoffMs(failedTries: number): number {
  const minutes = Math.min(2 ** Math.max(0, failedTries - 1), MAX_BACKOFF_MINUTES);
  return minutes * 60_000;
}
