/** Test helpers for the signals: bundles built in memory, photos and PDFs made to order, a desk to import into. */
import jpeg from 'jpeg-js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { validateBundle, type ValidBundle } from '../../intake/validate-bundle';
import { goodRequestJson, type AnyRequest } from '../../intake/testing/request-bundles';
import { importBundle } from '../../intake/import-bundle';
import type { testDesk } from '../../testing/test-desk';
import { currentPolicy } from '../../policy/current-policy';
import { subjectFromRequest } from '../subject';
import { runSignals } from '../run';
import type { IntegritySignal } from '../signal';

/** A 200×250 picture whose structure (a face-like ellipse and stripes) follows `seed`; `quality` changes only the encoding. */
export function testPhoto(seed: number, quality = 90): Uint8Array {
  const w = 200;
  const h = 250;
  const data = Buffer.alloc(w * h * 4);
  const cx = 60 + ((seed * 37) % 80);
  const cy = 80 + ((seed * 53) % 60);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const inHead = (x - cx) ** 2 / 45 ** 2 + (y - cy) ** 2 / 60 ** 2 <= 1;
      const stripe = Math.floor((x + y * ((seed % 3) + 1)) / (12 + (seed % 7) * 4)) % 2 === 0;
      const v = inHead ? 200 : stripe ? 40 + (seed % 5) * 10 : 150;
      const i = (y * w + x) * 4;
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = v;
      data[i + 3] = 255;
    }
  return new Uint8Array(jpeg.encode({ data, width: w, height: h }, quality).data);
}

/** A one-page PDF with the given Info entries; `text` makes its bytes differ. */
export async function testPdf(
  text: string,
  info: { created?: Date; modified?: Date; producer?: string; creator?: string } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  if (info.created) doc.setCreationDate(info.created);
  if (info.modified) doc.setModificationDate(info.modified);
  if (info.producer) doc.setProducer(info.producer);
  if (info.creator) doc.setCreator(info.creator);
  const page = doc.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

export interface TestApplicant {
  nameAr?: string;
  nameEn?: string;
  idNumber?: string;
  birthDate?: string;
}

/** A valid bundle of `applicant` with these files (path → bytes), all three attachments by default. */
export function testBundle(
  applicant: TestApplicant,
  files: { letter: Uint8Array; work: Uint8Array; photo: Uint8Array },
  over: AnyRequest = {},
): ValidBundle {
  const base = goodRequestJson(over);
  const request = { ...base, applicant: { ...base.applicant, ...applicant } };
  return validateBundle({
    name: `bundle-${applicant.idNumber ?? 'x'}`,
    request,
    files: new Map([
      ['files/letter.pdf', files.letter],
      ['files/work.pdf', files.work],
      ['files/photo.jpg', files.photo],
    ]),
  });
}

type Desk = Awaited<ReturnType<typeof testDesk>>;

export async function importTest(t: Desk, b: ValidBundle): Promise<number> {
  return (await importBundle(t.desk.db, t.clock, b, t.desk.blobs)).requestId;
}

/** The views of `signals` on a stored request. */
export async function signalsOf(t: Desk, requestId: number, signals: IntegritySignal[]) {
  const { policy } = await currentPolicy(t.desk.db, t.clock.now().toISOString());
  return runSignals({ db: t.desk.db, policy, subject: await subjectFromRequest(t.desk.db, requestId, t.desk.blobs) }, signals);
}
