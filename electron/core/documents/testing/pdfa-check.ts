/**
 * A PDF/A-2b checker for the tests: veraPDF cannot be installed on the machines here (not in Debian,
 * no network beyond npm and apt), so the rules of ISO 19005-2 that matter for the PDFs the desk makes
 * are checked here, each problem named by the clause it breaks, numbered as veraPDF numbers its rules
 * (clause-test). The file's syntax (header, trailer, streams), its objects (no
 * encryption, no JavaScript or other forbidden actions, no LZW, annotations printable, implementation
 * limits), the output intent and its ICC profile, the metadata (pdfaid, Info and XMP agreeing) and the
 * pages (fonts embedded and consistent, colours, graphics states, images); qpdf checks the
 * cross-reference table and every object's syntax.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { qpdfCheck } from './pdf-tools';
import { checkMetadata, type PdfAProblem } from './pdfa-xmp';
import { checkPages } from './pdfa-content';

export type { PdfAProblem };

/** Every problem found; an empty list means the file passed every check made here. */
export async function checkPdfA(pdf: Uint8Array): Promise<PdfAProblem[]> {
  const problems: PdfAProblem[] = [];
  const add = (rule: string, message: string) => void problems.push({ rule, message });
  checkSyntax(pdf, add);
  const qpdf = qpdfCheck(pdf);
  if (!qpdf.ok) add('6.1.4', `qpdf --check: ${qpdf.output.trim().split('\n').slice(-3).join(' / ')}`);
  const doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
  const { trailerInfo } = doc.context;
  if (trailerInfo.Encrypt) add('6.1.3-2', 'the trailer has an Encrypt entry');
  const id = trailerInfo.ID instanceof PDFArray ? trailerInfo.ID.asArray() : [];
  if (id.length !== 2 || !id.every((s) => s instanceof PDFHexString || s instanceof PDFString))
    add('6.1.3-1', 'the trailer has no file identifier (ID) of two strings');
  checkObjects(doc, add);
  checkOutputIntents(doc, add);
  checkMetadata(doc, problems);
  checkPages(doc, problems);
  return problems;
}

/** Problems as lines, for a test's failure message. */
export const describeProblems = (problems: PdfAProblem[]) => problems.map((p) => `${p.rule}: ${p.message}`).join('\n');

function checkSyntax(pdf: Uint8Array, add: (rule: string, message: string) => void): void {
  const head = Buffer.from(pdf.subarray(0, 64)).toString('latin1');
  if (!/^%PDF-1\.[0-7](\r\n|\r|\n)/.test(head)) add('6.1.2-1', 'the file does not start with %PDF-1.n and an end of line');
  const second = /^%PDF-1\.[0-7](?:\r\n|\r|\n)%([\s\S]{4})/.exec(head);
  if (!second || [...second[1]!].some((c) => c.charCodeAt(0) < 128)) add('6.1.2-2', 'the second line is not a comment of four bytes above 127');
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 32))).toString('latin1');
  if (!/%%EOF(\r\n|\r|\n)?$/.test(tail)) add('6.1.3-3', 'bytes follow the last %%EOF');
  const text = Buffer.from(pdf).toString('latin1');
  for (const m of text.matchAll(/>>\s*stream(\r\n|\n|\r|[^\r\n])/g))
    if (m[1] !== '\n' && m[1] !== '\r\n') add('6.1.7.1-1', `the stream keyword at byte ${m.index} is not followed by CRLF or LF`);
  for (const m of text.matchAll(/([\s\S])endstream/g))
    if (m[1] !== '\n' && m[1] !== '\r') add('6.1.7.1-2', `the endstream keyword at byte ${m.index} does not follow an end of line`);
}

const FORBIDDEN_ACTIONS = new Set([
  'Launch',
  'Sound',
  'Movie',
  'ResetForm',
  'ImportData',
  'Hide',
  'SetOCGState',
  'Rendition',
  'Trans',
  'GoTo3DView',
  'JavaScript',
]);
const FORBIDDEN_ANNOTATIONS = new Set(['Sound', 'Movie', 'Screen', '3D', 'RichMedia']);

function checkObjects(doc: PDFDocument, add: (rule: string, message: string) => void): void {
  const objects = doc.context.enumerateIndirectObjects();
  if (objects.length > 8_388_607) add('6.1.13-7', 'more than 8,388,607 indirect objects');
  const visit = (o: PDFObject, where: string): void => {
    if (o instanceof PDFString || o instanceof PDFHexString) {
      if (o.asBytes().length > 32767) add('6.1.13-3', `${where}: a string longer than 32767 bytes`);
      if (o instanceof PDFHexString && !/^<([0-9A-Fa-f]{2})*>$/.test(o.toString().replace(/\s+/g, '')))
        add('6.1.6-1', `${where}: a hex string with an odd number of digits or a non-hex character`);
    } else if (o instanceof PDFName) {
      if (o.asBytes().length - 1 > 127) add('6.1.13-4', `${where}: a name longer than 127 bytes`);
    } else if (o instanceof PDFNumber) {
      const v = o.asNumber();
      if (Number.isInteger(v) ? Math.abs(v) > 2_147_483_647 : Math.abs(v) > 3.403e38) add('6.1.13-1', `${where}: the number ${v} is out of range`);
    } else if (o instanceof PDFArray) o.asArray().forEach((v) => visit(v, where));
    else if (o instanceof PDFDict) dict(o, where);
    else if (o instanceof PDFRawStream) {
      dict(o.dict, where);
      for (const k of ['F', 'FFilter', 'FDecodeParms'])
        if (o.dict.has(PDFName.of(k))) add('6.1.7.1-3', `${where}: a stream dictionary with ${k} (external data)`);
      const filters = o.dict.get(PDFName.of('Filter'));
      for (const f of filters instanceof PDFArray ? filters.asArray() : filters ? [filters] : []) {
        if (f.toString() === '/LZWDecode') add('6.1.7.2-1', `${where}: an LZWDecode stream`);
        if (f.toString() === '/Crypt') add('6.1.7.2-2', `${where}: a Crypt filter`);
      }
    }
  };
  const dict = (d: PDFDict, where: string) => {
    const type = d.get(PDFName.of('Type'))?.toString();
    const s = d.get(PDFName.of('S'))?.toString().slice(1);
    if (s && FORBIDDEN_ACTIONS.has(s) && (type === undefined || type === '/Action')) add('6.5.1-1', `${where}: a ${s} action`);
    if (d.has(PDFName.of('JS'))) add('6.5.1-1', `${where}: JavaScript (JS)`);
    if (d.has(PDFName.of('AA'))) add('6.5.2-1', `${where}: additional actions (AA)`);
    if (type === '/Annot') annotation(d, where);
    for (const [, v] of d.entries()) visit(v, where);
  };
  const annotation = (d: PDFDict, where: string) => {
    const subtype = d.get(PDFName.of('Subtype'))?.toString().slice(1) ?? '';
    if (FORBIDDEN_ANNOTATIONS.has(subtype)) add('6.3.1-1', `${where}: a ${subtype} annotation`);
    if (subtype === 'Popup') return;
    const flags = d.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0;
    if (!(flags & 4) || flags & (1 | 2 | 32 | 256)) add('6.3.2-1', `${where}: a ${subtype} annotation that does not print (F ${flags})`);
  };
  for (const [ref, o] of objects) visit(o, `object ${ref.objectNumber}`);

  const catalog = doc.catalog;
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  if (names?.has(PDFName.of('JavaScript'))) add('6.5.1-1', 'the catalog names JavaScript');
  if (names?.has(PDFName.of('EmbeddedFiles'))) add('6.8-1', 'the catalog names embedded files');
  if (names?.has(PDFName.of('AlternatePresentations'))) add('6.10-1', 'the catalog names alternate presentations');
  const form = catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (form?.has(PDFName.of('XFA'))) add('6.4.2-1', 'an XFA form');
  if (form?.get(PDFName.of('NeedAppearances'))?.toString() === 'true') add('6.4.1-3', 'NeedAppearances is true');
  if (catalog.get(PDFName.of('NeedsRendering'))?.toString() === 'true') add('6.4.2-2', 'NeedsRendering is true');
  const perms = catalog.lookupMaybe(PDFName.of('Perms'), PDFDict);
  for (const [k] of perms?.entries() ?? []) if (!['/UR3', '/DocMDP'].includes(k.toString())) add('6.1.12-1', `Perms ${k.toString()}`);
}

function checkOutputIntents(doc: PDFDocument, add: (rule: string, message: string) => void): void {
  const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
  const pdfa = (intents?.asArray() ?? [])
    .map((r) => doc.context.lookup(r))
    .filter((d): d is PDFDict => d instanceof PDFDict && d.get(PDFName.of('S'))?.toString() === '/GTS_PDFA1');
  if (pdfa.length === 0) return add('6.2.2-1', 'no GTS_PDFA1 output intent (the pages draw in DeviceRGB and DeviceGray)');
  const profiles = new Set(pdfa.map((d) => d.get(PDFName.of('DestOutputProfile'))?.toString()));
  if (profiles.size > 1) add('6.2.2-2', 'the PDF/A output intents name different profiles');
  for (const d of pdfa) {
    if (!d.has(PDFName.of('OutputConditionIdentifier'))) add('6.2.2-1', 'the output intent has no OutputConditionIdentifier');
    const profile = d.lookup(PDFName.of('DestOutputProfile'));
    if (!(profile instanceof PDFRawStream)) {
      add('6.2.2-1', 'the output intent has no DestOutputProfile stream');
      continue;
    }
    const icc = profile.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(profile).decode() : profile.contents;
    const n = profile.dict.lookupMaybe(PDFName.of('N'), PDFNumber)?.asNumber();
    const tag = (at: number) => String.fromCharCode(...icc.subarray(at, at + 4));
    const size = icc.length >= 4 ? new DataView(icc.buffer, icc.byteOffset).getUint32(0) : -1;
    if (size !== icc.length || tag(36) !== 'acsp') add('6.2.3-1', 'the output profile is not an ICC profile (size or acsp signature)');
    if (!['mntr', 'prtr'].includes(tag(12))) add('6.2.3-2', `the output profile's class is ${tag(12)}, not mntr or prtr`);
    if (icc[8]! > 4) add('6.2.3-3', `the output profile is ICC version ${icc[8]}, newer than 4`);
    const components = { 'RGB ': 3, GRAY: 1, CMYK: 4 }[tag(16)];
    if (components === undefined || components !== n) add('6.2.3-4', `the profile's colour space ${tag(16)} and its N ${n} disagree`);
    if (tag(16) !== 'RGB ') add('6.2.4.3-2', `the output intent is ${tag(16)} but the pages draw in DeviceRGB`);
  }
}
