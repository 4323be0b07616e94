/**
 * `desk card-key`: export the public key that verifies the desk's cards. A file of its own, apart from
 * cards.ts: printing a card loads pdf-lib and the fonts, exporting a key needs only the open desk.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

export const cardKey: Command = async ({ desk, values, print }) => {
  if (!values.out) throw new UsageError('card-key needs --out FILE');
  writeFileSync(resolve(values.out), desk.cardSigner.publicKeyPem);
  print({ out: resolve(values.out), algorithm: 'Ed25519' }, `public key (Ed25519) written to ${values.out}`);
  return 0;
};
