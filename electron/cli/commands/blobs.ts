/** `desk blobs migrate | verify | gc`: the attachments' blob store (electron/core/blobs). */
import { moveBlobsOut } from '../../core/blobs/move-out';
import { verifyBlobs } from '../../core/blobs/verify';
import { collectGarbage } from '../../core/blobs/gc';
import type { Command } from '../command-line';
import { intOption, UsageError } from '../usage';

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const blobs: Command = async ({ desk, values, rest, print }) => {
  switch (rest[0]) {
    case 'migrate': {
      const t0 = performance.now();
      const r = await moveBlobsOut(desk.db, desk.blobs, {
        batch: intOption(values.batch, 'batch', 200),
        onProgress: (p) => {
          if (!values.json) console.error(`${p.moved} / ${p.total} blobs moved to the ${desk.blobs.kind} store (${mb(p.bytes)})`);
        },
      });
      const freed = r.vacuum ? r.vacuum.before - r.vacuum.after : 0;
      print(
        { ...r, seconds: (performance.now() - t0) / 1000 },
        `${r.moved} blob(s) (${mb(r.bytes)}) moved to the ${r.store} store` +
          (r.vacuum ? `; database ${mb(r.vacuum.before)} -> ${mb(r.vacuum.after)} (${mb(freed)} freed)` : ''),
      );
      return 0;
    }
    case 'verify': {
      const r = await verifyBlobs(desk.db, desk.blobs, (n) => {
        if (!values.json && n % 5000 === 0) console.error(`${n} checked`);
      });
      print(
        r,
        [
          ...r.problems.map(
            (p) =>
              `${p.problem.toUpperCase()} ${p.sha256} (${p.stored}): ${p.usedBy.map((u) => `${u.reference} ${u.fileName}`).join(', ') || 'no attachment uses it'}`,
          ),
          `${r.checked} blob(s) checked (${r.inDatabase} in the database, ${r.inStore} in the ${desk.blobs.kind} store, ${mb(r.bytes)}): ${r.problems.length} problem(s)`,
        ].join('\n'),
      );
      return r.problems.length === 0 ? 0 : 1;
    }
    case 'gc': {
      const graceDays = intOption(values['grace-days'], 'grace-days');
      const r = await collectGarbage(desk.db, desk.blobs, { graceDays, now: desk.clock.now() });
      print(
        r,
        `${r.examined} blob(s) examined in the ${r.store} store: ${r.removed} unused removed (${mb(r.bytesFreed)}), ${r.young} unused kept (younger than ${graceDays} days), ${r.temporaries} temporary file(s) removed`,
      );
      return 0;
    }
    default:
      throw new UsageError('usage: desk blobs migrate [--batch N] | desk blobs verify | desk blobs gc --grace-days N');
  }
};
