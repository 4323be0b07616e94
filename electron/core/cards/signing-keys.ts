import type { DeskDb } from '../db/connection';
import type { CardSigner } from '../documents/card-signing';
import { appendAudit } from '../audit/chain';

/**
 * Records this desk's public card-signing key in the database (once), so every desk on a shared
 * database can verify the cards this one prints. The private key stays in its file on this desk.
 */
export async function registerSigningKey(db: DeskDb, signer: CardSigner, at: string): Promise<void> {
  const known = await db.selectFrom('signing_keys').select('fingerprint').where('fingerprint', '=', signer.fingerprint).executeTakeFirst();
  if (known) return;
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('signing_keys')
      .values({ fingerprint: signer.fingerprint, public_key: signer.publicKeyPem, registered_at: at, revoked_at: null })
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .returning('fingerprint')
      .executeTakeFirst();
    if (inserted) {
      await appendAudit(trx, { at, actorId: null, action: 'signing_key.register', entity: 'signing_key', entityId: signer.fingerprint, data: {} });
    }
  });
}

/** The public keys of the other desks on this database that are not revoked. */
export async function trustedSigningKeys(db: DeskDb, signer: CardSigner): Promise<string[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .select('public_key')
    .where('revoked_at', 'is', null)
    .where('fingerprint', '!=', signer.fingerprint)
    .execute();
  return rows.map((r) => r.public_key);
}
