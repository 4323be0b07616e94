/**
 * The integrity signals' look-ups at 100,000 requests (issue #20): duplicate-id + duplicate-person (the
 * name-key and ID index), reused-attachment (attachments by SHA-256) and similar-photo (hash bands), each
 * the whole signal as the case view runs it, on a sample of requests. `npx tsx bench/signals.ts [--cases N]`
 * builds its own database (bulk rows, not the demo: drawing 100,000 photos would take the run) and also
 * times the migration's catch-up indexing; run.ts calls benchSignals on its seeded database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Desk } from '../electron/core/desk/open-desk';
import type { InsertablePractitionerRow, InsertableRequestRow } from '../electron/core/db/schema';
import { openDesk } from '../electron/core/desk/open-desk';
import { fixedClock } from '../electron/core/time/testing/fixed-clock';
import { currentPolicy } from '../electron/core/policy/current-policy';
import { subjectFromRequest } from '../electron/core/signals/subject';
import { runSignals } from '../electron/core/signals/run';
import { duplicateId } from '../electron/core/signals/duplicate-id';
import { duplicatePerson } from '../electron/core/signals/duplicate-person';
import { reusedAttachment } from '../electron/core/signals/reused-attachment';
import { similarPhoto } from '../electron/core/signals/similar-photo';
import { indexMissingPersons } from '../electron/core/signals/person-index';
import { hashBands } from '../electron/core/signals/photo-hash';
import { FAMILY, FEMALE_FIRST, MALE_FIRST } from '../electron/core/demo/names';
import { SeededRandom } from '../electron/core/demo/random';
import { time } from './stats';

const NOW = '2026-11-23T09:00:00.000Z';

export async function benchSignals(desk: Desk, log: (line: string) => void): Promise<Record<string, unknown>> {
  const { policy } = await currentPolicy(desk.db, NOW);
  const ids = (await desk.db.selectFrom('requests').select('id').execute()).map((r) => r.id);
  const pick = (i: number) => ids[(i * 7919) % ids.length]!;
  const run = async (i: number, signals: Parameters<typeof runSignals>[1]) =>
    runSignals({ db: desk.db, policy, subject: await subjectFromRequest(desk.db, pick(i), desk.blobs) }, signals);
  log('signals: duplicate look-ups…');
  let raised = 0;
  const duplicates = await time(
    200,
    10,
    async (i) => (raised += (await run(i, [duplicateId, duplicatePerson])).filter((v) => v.outcome !== 'pass').length),
  );
  log('signals: reuse look-ups…');
  const reuse = await time(200, 10, (i) => run(i, [reusedAttachment]));
  log('signals: photo look-ups…');
  const photo = await time(200, 10, (i) => run(i, [similarPhoto]));
  return {
    'signals.duplicates': { ...duplicates, requests: ids.length, raisedInSample: raised },
    'signals.reuse': { ...reuse, requests: ids.length },
    'signals.similarPhoto': { ...photo, requests: ids.length },
  };
}

/** 100,000 requests in bulk: names from the demo's lists with a grandfather's name, one photo and one PDF each, 1 % planted duplicates. */
async function fill(desk: Desk, cases: number, log: (line: string) => void): Promise<void> {
  const rng = new SeededRandom(20);
  const db = desk.db;
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  // SQLite takes at most 32,766 parameters a statement: 500 requests' hash bands (16 × 3 each) stay under it.
  const BATCH = 500;
  for (let start = 0; start < cases; start += BATCH) {
    await db.transaction().execute(async (trx) => {
      const people: InsertablePractitionerRow[] = [];
      for (let i = start; i < Math.min(cases, start + BATCH); i++) {
        const female = rng.chance(0.45);
        const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
        const father = rng.pick(MALE_FIRST);
        const grandfather = rng.pick(MALE_FIRST);
        const family = rng.pick(FAMILY);
        people.push({
          id_type: 'national_id',
          id_number: String(1_000_000_000 + i),
          id_expiry: null,
          name_ar: `${first[0]} ${female ? 'بنت' : 'بن'} ${father[0]} بن ${grandfather[0]} ${family[0]}`,
          name_en: `${first[1]} ${father[1]} ${grandfather[1]} ${family[1]}`,
          nationality: 'SA',
          birth_date: `${rng.int(1960, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          gender: female ? 'female' : 'male',
          email: `p${i}@example.com`,
          mobile: '+966500000000',
          registration_number: null,
          profession: 'Nurse',
          specialty: 'Nursing',
          category: 'specialist',
          card_number: null,
          card_issued_at: null,
          card_expires_at: null,
        });
      }
      const inserted = await trx.insertInto('practitioners').values(people).returning('id').execute();
      const requests = inserted.map((p, k): InsertableRequestRow => {
        const a = people[k]!;
        const snapshot = {
          nameAr: a.name_ar,
          nameEn: a.name_en,
          nationality: 'SA',
          idType: a.id_type,
          idNumber: a.id_number,
          idExpiry: null,
          birthDate: a.birth_date,
          gender: a.gender,
          email: a.email,
          mobile: a.mobile,
          registrationNumber: null,
          profession: a.profession,
          specialty: a.specialty,
          category: a.category,
          card: null,
        };
        return {
          reference: `REQ-2026-${String(start + k + 1).padStart(6, '0')}`,
          service: 'REGISTRATION',
          status: 'submitted',
          practitioner_id: p.id,
          submitted_at: NOW,
          assignee_id: null,
          employer_type: null,
          employer_facility: null,
          internship_completed: null,
          applicant_snapshot: JSON.stringify(snapshot),
          return_due_at: null,
          decided_at: null,
          policy_version: null,
          updated_at: NOW,
          search_text: a.name_en,
        };
      });
      const reqIds = await trx.insertInto('requests').values(requests).returning('id').execute();
      const blobs = [];
      const attachments = [];
      const hashes = [];
      for (const [k, r] of reqIds.entries()) {
        const n = start + k;
        // 1 % reuse another applicant's certificate.
        const pdf = sha(`pdf-${rng.chance(0.01) ? rng.int(0, Math.max(0, n - 1)) : n}`);
        const photo = sha(`photo-${n}`);
        blobs.push(
          { sha256: pdf, size: 1, mime: 'application/pdf', data: Buffer.from('x'), stored: 'database' },
          { sha256: photo, size: 1, mime: 'image/jpeg', data: Buffer.from('y'), stored: 'database' },
        );
        attachments.push({
          request_id: r.id,
          kind: 'bachelor_certificate',
          file_name: 'degree.pdf',
          sha256: pdf,
          version: 1,
          issued_at: null,
          certified: null,
          uploaded_at: NOW,
        });
        attachments.push({
          request_id: r.id,
          kind: 'photo',
          file_name: 'photo.jpg',
          sha256: photo,
          version: 1,
          issued_at: null,
          certified: null,
          uploaded_at: NOW,
        });
        hashes.push({ sha256: photo, hash: Array.from({ length: 64 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('') });
      }
      await trx
        .insertInto('attachment_blobs')
        .values(blobs)
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      await trx.insertInto('attachments').values(attachments).execute();
      await trx.insertInto('photo_hashes').values(hashes).execute();
      await trx
        .insertInto('photo_hash_bands')
        .values(hashes.flatMap((h) => hashBands(h.hash).map((value, band) => ({ sha256: h.sha256, band, value }))))
        .execute();
    });
    if ((start / BATCH) % 40 === 0) log(`  ${start + BATCH} requests written`);
  }
}

async function main() {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, json: { type: 'boolean', default: false } } });
  const log = (line: string) => values.json || console.error(line);
  const dir = mkdtempSync(join(tmpdir(), 'bench-signals-'));
  const desk = await openDesk(join(dir, 'desk.sqlite'), { clock: fixedClock(NOW) });
  try {
    const t0 = performance.now();
    await fill(desk, Number(values.cases), log);
    log(`filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const i0 = performance.now();
    const indexed = await indexMissingPersons(desk.db);
    const indexMs = Math.round(performance.now() - i0);
    const entries = { 'signals.indexPersons': { requests: indexed, ms: indexMs }, ...(await benchSignals(desk, log)) };
    console.log(JSON.stringify(entries, null, 2));
  } finally {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('signals.ts')) void main();
