import { openDesk } from '../electron/core/desk';
import { freshTestSchema } from '../electron/core/testing-databases';
void (async () => {
  for (let i = 0; i < 3; i++) {
    const s = freshTestSchema();
    const t0 = performance.now();
    const d = await openDesk(s.address, { cardKeyFile: null });
    const t1 = performance.now();
    await d.close();
    const t2 = performance.now();
    await s.drop();
    console.log('open', (t1 - t0).toFixed(0), 'close', (t2 - t1).toFixed(0), 'drop', (performance.now() - t2).toFixed(0));
  }
})();
