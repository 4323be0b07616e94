/** `desk payments import FILE.csv`: a payment gateway's reconciliation file (formats.md); a bad line refuses the whole file. */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importReconciliationFile } from '../../core/finance/payments-import';
import { retryLostRaces } from '../../core/db/lost-races';
import { paymentImportSummary } from '../../core/finance/payment-import-summary';
import { MAX_RECONCILIATION_BYTES, ReconciliationFileError, where } from '../../core/finance/reconciliation-file';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

export const payments: Command = async ({ desk, values, rest, print }) => {
  if (rest[0] !== 'import' || !rest[1]) throw new UsageError('usage: desk payments import FILE.csv');
  const path = resolve(rest[1]);
  // Refused before it is read into memory; the parser says the same of content it is handed.
  const size = (() => {
    try {
      return statSync(path).size;
    } catch {
      throw new UsageError(`cannot read ${rest[1]}: no such file`);
    }
  })();
  if (size > MAX_RECONCILIATION_BYTES) throw new UsageError(`${rest[1]} is larger than ${MAX_RECONCILIATION_BYTES / 1024 / 1024} MiB`);
  const name = basename(path);
  try {
    const bytes = readFileSync(path);
    // Another desk settling the same invoices at this moment may make PostgreSQL abort one of the two: try again.
    const r = await retryLostRaces(() =>
      importReconciliationFile(desk.db, { actorId: null, now: () => desk.clock.now(), signer: desk.cardSigner }, name, bytes),
    );
    print({ ...r, refused: 0 }, paymentImportSummary(r));
    return 0;
  } catch (e) {
    if (!(e instanceof ReconciliationFileError)) throw e;
    // The whole file refused, every bad line named; nothing was written.
    for (const p of e.problems) console.error(`desk: ${name}: ${where('en')(p)}`);
    console.error(`desk: ${name} was refused: ${e.problems.length} problem(s); nothing was imported`);
    if (values.json) console.log(JSON.stringify({ fileName: name, refused: e.problems.length, problems: e.problems }, null, 2));
    return 2;
  }
};
