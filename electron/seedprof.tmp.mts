import { testDesk } from './core/testing/test-desk';
import { seedDemo } from './core/demo/seed';
async function setup() {
  const t = await testDesk();
  const a = performance.now();
  await seedDemo(t.desk.db, t.clock, { cases: 60, seed: 7 });
  const b = performance.now();
  await t.as('rev', ['reviewer']);
  await t.as('rev2', ['reviewer']);
  await t.as('appr', ['approver']);
  const c = performance.now();
  console.log('seed', (b - a).toFixed(0), 'users', (c - b).toFixed(0));
  await t.desk.close();
}
for (let i = 0; i < 4; i++) await setup();
