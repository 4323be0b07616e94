import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { DemoFile } from './demo-file';

/**
 * The document a returned applicant sends again: the first version's page, stamped again, with the
 * attestation page they were asked for added behind it. Made from the first file alone (no random
 * draw), so the rest of a seeded demo stays the same; same name, so the viewer pairs the two versions.
 */
export async function resubmittedVersion(first: DemoFile, at: string): Promise<DemoFile> {
  const doc = await PDFDocument.load(first.bytes);
  doc.setCreationDate(new Date(at));
  doc.setModificationDate(new Date(at));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Attestation', { x: 52, y: 760, size: 18, font: bold });
  const lines = [
    'Added on resubmission, as the reviewer asked:',
    'the original was seen and this copy matches it.',
    '',
    `Attested on ${at.slice(0, 10)}.`,
    '',
    'Demo data: this is not a real document.',
  ];
  lines.forEach((l, i) => page.drawText(l, { x: 52, y: 720 - i * 20, size: 12, font }));
  page.drawRectangle({ x: 380, y: 120, width: 150, height: 60, borderColor: rgb(0.1, 0.3, 0.7), borderWidth: 2 });
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, mime: 'application/pdf', sha256: createHash('sha256').update(bytes).digest('hex'), fileName: first.fileName };
}
