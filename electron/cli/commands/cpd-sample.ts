/** `desk cpd-sample --month YYYY-MM [--seed S]`: draw the CPD audit sample of the period holding that month. */
import { drawCpdSample } from '../../core/cpd/draw-sample';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

export const cpdSample: Command = async ({ desk, values, print }) => {
  if (!values.month) throw new UsageError('cpd-sample needs --month YYYY-MM (any month of the period)');
  if (values.seed !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(values.seed)) throw new UsageError('--seed: letters, digits, _ and - (1 to 64)');
  const s = await drawCpdSample(
    desk.db,
    { user: null, clock: desk.clock, blobs: desk.blobs },
    { month: values.month, ...(values.seed ? { seed: values.seed } : {}) },
  );
  print(
    s,
    `CPD audit sample ${s.periodStart}…${s.periodEnd}, seed ${s.seed}: ${s.sampled} of ${s.population} renewals drawn, ${s.triggered} flagged`,
  );
  return 0;
};
