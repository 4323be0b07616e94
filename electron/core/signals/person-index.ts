/**
 * The look-up table behind the duplicate signals (signal_person_keys, migration 0130): per request, its ID
 * number and its name keys (name-key.ts) with its birth date. Written in the same transaction as the
 * request's applicant snapshot (import, resubmission, demo seed), so an index row never disagrees with
 * what was submitted; `indexMissingPersons` fills requests that have none (the migration, the seed).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { nameKeys } from './name-key';

interface PersonFacts {
  idNumber: string;
  nameAr: string;
  nameEn: string;
  birthDate: string;
}

/** An ID number as typed may carry spaces or lower-case letters (passports); the index compares it without them. */
export const idKey = (idNumber: string) => idNumber.replace(/\s+/g, '').toUpperCase();

export function personKeys(p: PersonFacts): Array<{ kind: 'id' | 'name'; key: string }> {
  const names = new Set([...nameKeys(p.nameAr), ...nameKeys(p.nameEn)]);
  return [{ kind: 'id', key: idKey(p.idNumber) }, ...[...names].map((key) => ({ kind: 'name' as const, key }))];
}

/** Replaces the request's rows: called where its snapshot is written, inside that transaction. */
export async function indexPerson(db: Kysely<Database>, requestId: number, p: PersonFacts): Promise<void> {
  await db.deleteFrom('signal_person_keys').where('request_id', '=', requestId).execute();
  const rows = personKeys(p).map((k) => ({ request_id: requestId, kind: k.kind, key: k.key, birth_date: p.birthDate }));
  await db.insertInto('signal_person_keys').values(rows).execute();
}

/** Indexes every request with no rows yet, in batches; returns how many it indexed. */
export async function indexMissingPersons(db: Kysely<Database>, batch = 1000): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('requests as r')
      .select(['r.id', 'r.applicant_snapshot'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('signal_person_keys as k').select('k.request_id').whereRef('k.request_id', '=', 'r.id'))))
      .orderBy('r.id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return done;
    const values = rows.flatMap((r) => {
      const a = JSON.parse(r.applicant_snapshot) as Partial<PersonFacts>;
      const p = { idNumber: a.idNumber ?? '', nameAr: a.nameAr ?? '', nameEn: a.nameEn ?? '', birthDate: a.birthDate ?? '' };
      return personKeys(p).map((k) => ({ request_id: r.id, kind: k.kind, key: k.key, birth_date: p.birthDate }));
    });
    // SQLite takes at most 32,766 parameters in one statement (PostgreSQL 65,535): 4 a row, 5,000 rows at a time.
    for (let i = 0; i < values.length; i += 5_000)
      await db
        .insertInto('signal_person_keys')
        .values(values.slice(i, i + 5_000))
        .execute();
    done += rows.length;
  }
}
