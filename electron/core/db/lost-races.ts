/**
 * PostgreSQL's answers that mean "this transaction lost a race and was rolled back whole" (deadlock
 * detected, serialization failure): nothing of it was written, so the call is simply tried again.
 */
const LOST_RACE = new Set(['40P01', '40001']);
const lostRace = (e: unknown) => typeof e === 'object' && e !== null && LOST_RACE.has(String((e as { code?: unknown }).code));

export async function retryLostRaces<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= attempts || !lostRace(e)) throw e;
      // A short random pause, so the two that collided do not collide again.
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
