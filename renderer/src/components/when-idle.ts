/**
 * Runs `work` when the browser is first idle (at the latest after `timeoutMs`): fetching what the user will
 * likely need next without competing with the page being drawn. Answers a function that cancels it.
 */
export function whenIdle(work: () => void, timeoutMs: number): () => void {
  if (!('requestIdleCallback' in window)) {
    const timer = setTimeout(work, 200);
    return () => clearTimeout(timer);
  }
  const idle = requestIdleCallback(work, { timeout: timeoutMs });
  return () => cancelIdleCallback(idle);
}
