/** `desk seed --cases N [--seed S]`: fill the database with demo requests and demo users. */
import { seedDemo, DEMO_PASSWORD } from '../../core/demo/seed';
import type { Command } from '../command-line';
import { intOption } from '../usage';

export const seed: Command = async ({ desk, values, print }) => {
  const cases = intOption(values.cases, 'cases');
  const seed = intOption(values.seed, 'seed', 1);
  const t0 = performance.now();
  const r = await seedDemo(desk.db, desk.clock, { cases, seed, signer: desk.cardSigner, blobs: desk.blobs });
  const seconds = (performance.now() - t0) / 1000;
  print(
    { ...r, seed, seconds, database: desk.database.describe },
    `seeded ${r.requests} requests (seed ${seed}) in ${seconds.toFixed(1)} s into ${desk.database.describe}\ndemo users: admin, reviewer1, reviewer2, approver1, finance1, finance2, clerk1 — password ${DEMO_PASSWORD}`,
  );
  return 0;
};
