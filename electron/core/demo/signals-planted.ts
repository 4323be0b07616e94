/**
 * The integrity signals in the demo (issue #20): a reviewer meets each of them a few times in a normal day's
 * New queue, among many clean requests that raise none. Run by seed.ts after its requests are written:
 * 1. index the seeded requests (name keys, photo hashes) as an import would have;
 * 2. rename the few clean applicants who happen to share a namesake born within the tolerance (the name
 *    lists are short; a real register is not), so a clean request raises nothing;
 * 3. import planted bundles through the real import: the same ID under another name, the same person under
 *    another ID and spelling, another applicant's certificate, another applicant's photo re-saved, and PDFs
 *    whose own data contradicts them.
 */
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { BlobStore } from '../blobs/blob-store';
import type { Applicant } from '../../../shared/domain';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { attachmentBytes } from '../blobs/attachment-blobs';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { addDays } from '../time/day-arithmetic';
import { withCheckDigit } from '../identity/national-id';
import { validateBundle, type ValidBundle } from '../intake/validate-bundle';
import { importBundle } from '../intake/import-bundle';
import { indexMissingPersons } from '../signals/person-index';
import { indexMissingPhotos } from '../signals/photo-index';
import { FAMILY, FEMALE_FIRST, MALE_FIRST } from './names';
import { ownPhoto, resavedPhoto } from './own-files';
import { SeededRandom } from './random';
import { RARE_NAMES, renameNamesakes } from './namesakes';

/** The same name as an applicant might type it elsewhere (another transliteration, "bin" left out). */
const RESPELL: Record<string, string> = {
  Mohammed: 'Muhammad',
  Abdullah: 'Abdallah',
  Khalid: 'Khaled',
  Fahad: 'Fahd',
  Yousef: 'Yusuf',
  Nasser: 'Naser',
  Faisal: 'Faysal',
  Majed: 'Majid',
  Ahmed: 'Ahmad',
  Noura: 'Nourah',
  Sarah: 'Sara',
  Fatimah: 'Fatima',
  Alqahtani: 'Al-Qahtani',
  Alshehri: 'Al Shehri',
  Alotaibi: 'Al-Otaibi',
  Alghamdi: 'Al Ghamdi',
  Alharbi: 'Al-Harbi',
};

export interface PlantOptions {
  blobs: BlobStore;
  seed: number;
  /** The first request id this seed wrote: earlier requests (a database seeded before) are left alone. */
  firstId: number;
}

export async function plantSignals(db: DeskDb, clock: Clock, opts: PlantOptions): Promise<{ renamed: number; planted: number }> {
  await indexMissingPersons(db);
  await indexMissingPhotos(db, opts.blobs);
  const renamed = await renameNamesakes(db, clock, opts.firstId);
  const planted = await importPlanted(db, clock, opts);
  return { renamed, planted };
}

interface Victim {
  id: number;
  reference: string;
  submittedAt: string;
  applicant: Applicant;
  files: Array<{ kind: string; fileName: string; sha256: string; mime: string; data: Uint8Array | null; stored: string }>;
}

async function victims(db: DeskDb, firstId: number, rng: SeededRandom): Promise<Victim[]> {
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'reference', 'submitted_at', 'applicant_snapshot'])
    .where('id', '>=', firstId)
    .where('status', 'in', ['submitted', 'in_review', 'returned', 'approved', 'ready_to_print', 'awaiting_payment'])
    .orderBy('id')
    .execute();
  const picked: Victim[] = [];
  const pool = [...rows];
  while (picked.length < 15 && pool.length > 0) {
    const r = pool.splice(rng.int(0, pool.length - 1), 1)[0]!;
    const applicant = parseSnapshot(r.applicant_snapshot);
    if (applicant.nationality !== 'SA') continue;
    const files = await db
      .selectFrom('attachments as a')
      .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
      .select(['a.kind', 'a.file_name as fileName', 'a.sha256', 'b.mime', 'b.data', 'b.stored'])
      .where('a.request_id', '=', r.id)
      .execute();
    if (!files.some((f) => f.kind === 'photo') || !files.some((f) => f.mime === 'application/pdf')) continue;
    picked.push({ id: r.id, reference: r.reference, submittedAt: r.submitted_at, applicant, files });
  }
  return picked;
}

/** A one-page certificate whose PDF data is set by `info` (the planted contradictions). */
async function certificate(title: string, info: { created: Date; modified: Date; producer?: string; creator?: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(title);
  doc.setCreationDate(info.created);
  doc.setModificationDate(info.modified);
  doc.setProducer(info.producer ?? 'Microsoft® Word for Microsoft 365');
  doc.setCreator(info.creator ?? 'Microsoft® Word for Microsoft 365');
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText(title, { x: 52, y: 760, size: 18, font });
  page.drawText('Demo data: this is not a real document.', { x: 52, y: 720, size: 12, font });
  return doc.save({ useObjectStreams: false });
}

async function importPlanted(db: DeskDb, clock: Clock, opts: PlantOptions): Promise<number> {
  const rng = new SeededRandom(opts.seed * 31 + 7);
  const list = await victims(db, opts.firstId, rng);
  const now = clock.now();
  let k = 0;
  const usedIds = new Set<string>();
  const freshId = async (): Promise<string> => {
    for (;;) {
      const id = withCheckDigit(`1${String(90_000_000 + rng.int(0, 9_999_999)).padStart(8, '0')}`);
      const known = await db.selectFrom('practitioners').select('id').where('id_number', '=', id).executeTakeFirst();
      if (!known && !usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const freshName = (): Pick<Applicant, 'nameAr' | 'nameEn' | 'gender'> => {
    const female = rng.chance(0.4);
    const first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
    const father = RARE_NAMES[k % RARE_NAMES.length]!;
    const family = rng.pick(FAMILY);
    return {
      nameAr: `${first[0]} ${female ? 'بنت' : 'بن'} ${father[0]} ${family[0]}`,
      nameEn: `${first[1]} ${father[1]} ${family[1]}`,
      gender: female ? 'female' : 'male',
    };
  };
  const bytesOf = async (v: Victim, f: Victim['files'][number]) => attachmentBytes(opts.blobs, f, { reference: v.reference, fileName: f.fileName });

  let planted = 0;
  for (const [i, v] of list.entries()) {
    k = i;
    const plant = (['duplicate-id', 'duplicate-person', 'reused-attachment', 'similar-photo', 'pdf-facts'] as const)[i % 5];
    // A few days after the request it copies, never in the future: they land in the New queue of recent weeks.
    const at = new Date(Math.min(now.getTime() - 3600_000, Date.parse(v.submittedAt) + rng.int(1, 9) * 86_400_000));
    const day = at.toISOString().slice(0, 10);
    const own = ownPhoto(900_000 + i, 'photo.jpg');
    const work = await certificate('Certificate of continued practice', {
      created: new Date(at.getTime() - 5 * 86_400_000),
      modified: new Date(at.getTime() - 5 * 86_400_000),
    });
    let applicant: Applicant = {
      ...v.applicant,
      ...freshName(),
      idNumber: await freshId(),
      idType: 'national_id',
      idExpiry: null,
      mobile: `+9665${rng.digits(8)}`,
      // Planted requests are renewals: their holder is registered even when the victim is not yet.
      registrationNumber: v.applicant.registrationNumber ?? `${rng.int(10, 24)}R${rng.pick(['M', 'N', 'P', 'D', 'T'])}${rng.digits(7)}`,
    };
    let files: Array<{ kind: string; name: string; bytes: Uint8Array; issuedAt?: string }> = [
      { kind: 'photo', name: 'photo.jpg', bytes: own.bytes },
      { kind: 'work_certificate', name: 'work-certificate.pdf', bytes: work },
    ];
    if (plant === 'duplicate-id') {
      // The victim's ID under another person's name and birth date.
      applicant = {
        ...applicant,
        idNumber: v.applicant.idNumber,
        idType: v.applicant.idType,
        birthDate: addDays(v.applicant.birthDate, 400 + rng.int(0, 900)),
      };
    } else if (plant === 'duplicate-person') {
      // The victim again under a new ID: "bin" dropped, another transliteration, born a year or two off.
      applicant = {
        ...applicant,
        nameAr: v.applicant.nameAr.replace(/ (بن|بنت) /g, ' ').replace(/أ/g, 'ا'),
        nameEn: v.applicant.nameEn
          .split(' ')
          .map((w) => RESPELL[w] ?? w)
          .join(' '),
        gender: v.applicant.gender,
        birthDate: addDays(v.applicant.birthDate, 365 + rng.int(0, 300)),
      };
    } else if (plant === 'reused-attachment') {
      const pdf = v.files.find((f) => f.mime === 'application/pdf')!;
      files = [files[0]!, { kind: pdf.kind, name: pdf.fileName, bytes: await bytesOf(v, pdf) }];
    } else if (plant === 'similar-photo') {
      const photo = v.files.find((f) => f.kind === 'photo')!;
      const resaved = resavedPhoto(
        { bytes: await bytesOf(v, photo), mime: 'image/jpeg', sha256: photo.sha256, fileName: photo.fileName },
        60,
        'photo.jpg',
      );
      files = [{ kind: 'photo', name: 'photo.jpg', bytes: resaved.bytes }, files[1]!];
    } else {
      const variant = Math.floor(i / 5) % 3;
      const issued = addDays(day, -20);
      const pdf =
        variant === 0
          ? await certificate('Certificate of continued practice', {
              created: new Date(at.getTime() - 4 * 86_400_000),
              modified: new Date(at.getTime() - 3 * 86_400_000),
              producer: 'Adobe Photoshop 25.4',
              creator: 'Adobe Photoshop 25.4 (Windows)',
            })
          : variant === 1
            ? await certificate('Certificate of continued practice', {
                created: new Date(at.getTime() - 4 * 86_400_000),
                modified: new Date(at.getTime() + 2 * 86_400_000),
              })
            : await certificate('Certificate of continued practice', {
                created: new Date(`${addDays(issued, -400)}T08:00:00Z`),
                modified: new Date(`${addDays(issued, -390)}T08:00:00Z`),
              });
      files = [files[0]!, { kind: 'work_certificate', name: 'work-certificate.pdf', bytes: pdf, issuedAt: issued }];
    }
    const expires = addDays(day, 40);
    const request = {
      schema: 'mumaris-request/1',
      service: 'RENEWAL',
      submittedAt: at.toISOString(),
      applicant: {
        ...applicant,
        email: `planted.${i}@example.com`,
        card: { number: `C-${Number(day.slice(0, 4)) - 3}-${rng.digits(6)}`, issuedAt: addDays(expires, -3 * 365), expiresAt: expires },
      },
      employer: { type: 'government', facility: 'King Fahad Medical City' },
      internshipCompleted: true,
      questionnaire: [],
      cpd: { recordedHours: 30, activities: [] },
      experiences: [],
      attachments: files.map((f) => ({ kind: f.kind, file: `files/${f.name}`, ...(f.issuedAt ? { issuedAt: f.issuedAt } : {}) })),
      notes: [],
    };
    const bundle: ValidBundle = validateBundle({
      name: `demo-planted-${plant}-${i}`,
      request,
      files: new Map(files.map((f) => [`files/${f.name}`, f.bytes])),
    });
    await importBundle(db, { now: () => at }, bundle, opts.blobs);
    planted++;
  }
  return planted;
}
