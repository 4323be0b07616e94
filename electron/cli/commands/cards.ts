/** `desk card`, `desk verify-card`: print a card, check a QR payload (`desk card-key` is in card-key.ts). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DeskFault } from '../../core/errors';
import { confirmPrints } from '../../core/cards/print-centre';
import { verificationSummary, verifyCard as verifyPayload } from '../../core/cards/verify-card';
import { riyadhDate } from '../../core/time/riyadh-day';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

export const card: Command = async ({ desk, values, print }) => {
  if (!values.reference) throw new UsageError('card needs --reference REF');
  if (!values.out) throw new UsageError('card needs --out FILE.pdf');
  const layout = values.layout ?? 'cr80';
  if (layout !== 'cr80' && layout !== 'a4') throw new UsageError(`--layout must be cr80 or a4, not "${layout}"`);
  const req = await desk.db.selectFrom('requests').select(['id', 'version']).where('reference', '=', values.reference).executeTakeFirst();
  if (!req) throw new UsageError(`no request has the reference ${values.reference}`);
  // Printing from the command line is a confirmed print: the number is issued and the print recorded.
  const r = await confirmPrints(desk.db, { actorId: null, clock: desk.clock, blobs: desk.blobs }, desk.cardSigner, {
    items: [req],
    layout,
    ...(values.reason ? { reprintReason: values.reason } : {}),
  });
  if (!r.pdf) {
    const why = r.refused[0]!;
    throw new DeskFault('bad_input', why.message, why.messageAr);
  }
  writeFileSync(resolve(values.out), r.pdf);
  print(
    { reference: values.reference, card: r.cards[0], out: resolve(values.out), bytes: r.pdf.length },
    `card ${r.cards[0]} written to ${values.out}`,
  );
  return 0;
};

export const verifyCard: Command = async ({ desk, rest, print }) => {
  const payload = rest.join(' ');
  if (!payload) throw new UsageError('verify-card needs the QR payload: desk verify-card PAYLOAD');
  const v = await verifyPayload(desk.db, desk.cardSigner, payload, riyadhDate(desk.clock.now()));
  print(v, verificationSummary(v));
  return v.verdict === 'valid' ? 0 : 1;
};
