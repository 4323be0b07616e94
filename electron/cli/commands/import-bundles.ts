/** `desk import PATH...`: import request bundles; a bad bundle is reported and the rest go on (exit 2 if any was refused). */
import { resolve } from 'node:path';
import { currentPolicy } from '../../core/policy/current-policy';
import { importBundles } from '../../core/intake/import-batch';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

export const importCommand: Command = async ({ desk, values, rest, print }) => {
  if (rest.length === 0) throw new UsageError('import needs at least one bundle: desk import PATH...');
  const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
  const t0 = performance.now();
  const results = await importBundles(
    desk.db,
    desk.clock,
    policy,
    rest.map((p) => resolve(p)),
    (done, total, last) => {
      if (!values.json)
        console.error(
          last.ok
            ? `[${done}/${total}] ${last.bundle}: ${last.resubmission ? 'resubmission of' : 'imported as'} ${last.reference}`
            : `[${done}/${total}] ${last.bundle}: REFUSED`,
        );
    },
    desk.blobs,
  );
  const bad = results.filter((r) => !r.ok);
  const seconds = (performance.now() - t0) / 1000;
  print(
    { imported: results.length - bad.length, refused: bad.length, seconds, results },
    [
      ...bad.flatMap((r) => (r.ok ? [] : r.problems.map((p) => `${r.bundle}: ${p.where}: ${p.message}`))),
      `${results.length - bad.length} imported, ${bad.length} refused, in ${seconds.toFixed(1)} s`,
    ].join('\n'),
  );
  return bad.length > 0 ? 2 : 0;
};
