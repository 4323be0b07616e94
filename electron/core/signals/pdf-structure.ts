/**
 * What a PDF says about its own making, read without trusting it: the Info dictionary's dates and
 * producer/creator (pdf-lib), and from the raw bytes the end-of-file markers and the byte ranges the
 * signatures cover, so bytes appended after a signature (an incremental update) are seen.
 */
import { PDFDocument } from 'pdf-lib';

export interface PdfFacts {
  created: Date | null;
  modified: Date | null;
  producer: string | null;
  creator: string | null;
  /** %%EOF markers: one per save; more than one means incremental updates. */
  eofMarkers: number;
  /** How many signatures (/ByteRange) the file carries. */
  signatures: number;
  /** Bytes after the end of the last signed range, beyond a trailing end-of-line. */
  bytesAfterSignature: number;
  /** %%EOF markers after the last signed range: saves made after signing. */
  updatesAfterSignature: number;
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

export async function readPdfFacts(bytes: Uint8Array): Promise<PdfFacts> {
  const text = latin1(bytes);
  const eofs = [...text.matchAll(/%%EOF/g)].map((m) => m.index);
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((m) => Number(m[3]) + Number(m[4]));
  const signedEnd = ranges.length > 0 ? Math.max(...ranges) : null;
  const tail = signedEnd === null ? '' : text.slice(signedEnd);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  const safe = <T>(f: () => T | undefined): T | null => {
    try {
      return f() ?? null;
    } catch {
      return null; // a malformed Info entry is simply not known
    }
  };
  return {
    created: safe(() => doc.getCreationDate()),
    modified: safe(() => doc.getModificationDate()),
    producer: safe(() => doc.getProducer()),
    creator: safe(() => doc.getCreator()),
    eofMarkers: eofs.length,
    signatures: ranges.length,
    bytesAfterSignature: signedEnd === null ? 0 : tail.replace(/^[\r\n]+/, '').length,
    updatesAfterSignature: signedEnd === null ? 0 : eofs.filter((i) => i >= signedEnd).length,
  };
}

/**
 * Tools made to edit a finished document (images or PDFs), as producer/creator write their names. Word
 * processors, scanners, PDF printers and Acrobat (which also makes PDFs from scans) are not here: letters
 * are made with them every day.
 */
export const EDITING_TOOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/photoshop/i, 'Adobe Photoshop'],
  [/\bgimp\b/i, 'GIMP'],
  [/illustrator/i, 'Adobe Illustrator'],
  [/inkscape/i, 'Inkscape'],
  [/pdfescape/i, 'PDFescape'],
  [/sejda/i, 'Sejda PDF editor'],
  [/smallpdf/i, 'Smallpdf'],
  [/ilovepdf/i, 'iLovePDF'],
  [/pdfelement|wondershare/i, 'Wondershare PDFelement'],
  [/foxit (phantompdf|pdf editor)/i, 'Foxit PDF Editor'],
  [/pdf-xchange editor/i, 'PDF-XChange Editor'],
  [/nitro (pro|pdf)/i, 'Nitro PDF'],
  [/\bcanva\b/i, 'Canva'],
  [/paint\.net/i, 'Paint.NET'],
  [/pdf candy|pdffiller|docfly|formswift/i, 'online PDF editor'],
];

export function editingTool(...names: Array<string | null>): string | null {
  for (const n of names) {
    if (!n) continue;
    for (const [re, label] of EDITING_TOOLS) if (re.test(n)) return label;
  }
  return null;
}
