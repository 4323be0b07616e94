/**
 * PDF/A-2b (ISO 19005-2, level B): every PDF the desk makes is saved through here, so a card, a
 * letter or a report can be archived and printed the same in twenty years. What pdf-lib does not
 * write by itself is added at save time:
 * - the XMP metadata stream (uncompressed, as the standard asks) naming the PDF/A part and level,
 *   written from the document's Info dictionary (describeDocument) so the two can never disagree;
 * - the output intent: the colours the desk draws are sRGB (pdf-lib's DeviceRGB), and the embedded
 *   sRGB profile says so to every reader and printer;
 * - the file identifier in the trailer, a digest of the file itself.
 * The rest holds by construction and is checked by the tests (testing/pdfa-check.ts): fonts embedded
 * (text/pdf-font.ts), no encryption, no JavaScript, no actions, no LZW, no annotations.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { srgbProfile } from './color-profile';
import { mergePageContents } from './page-contents';

export const PDFA_PART = 2;
export const PDFA_CONFORMANCE = 'B';
export const OUTPUT_CONDITION = 'sRGB IEC61966-2.1';

/** A placeholder of the identifier's length, replaced by the file's digest once the bytes exist. */
const ID_PLACEHOLDER = 'D35C0DE5'.repeat(4);

/** Saves `doc` as PDF/A-2b. `describeDocument` must have given it its title and dates. */
export async function savePdfA(doc: PDFDocument): Promise<Uint8Array> {
  conformToPdfA(doc);
  mergePageContents(doc);
  // No object streams: pdf-lib deflates them with pako, slower than the whole rest of a card; a
  // classic cross-reference table costs ~20 bytes an object. Yielding every 50 objects (pdf-lib's
  // default) waits a timer tick, a millisecond or more, each time; every 2,000 keeps a batch of
  // cards from holding the event loop for long, and a single card never waits.
  return stampFileId(await doc.save({ useObjectStreams: false, objectsPerTick: 2000 }));
}

/** Adds the metadata stream and the output intent (once) and reserves the trailer's identifier. */
export function conformToPdfA(doc: PDFDocument): void {
  const { catalog, context } = doc;
  if (!catalog.has(PDFName.of('Metadata'))) {
    const metadata = context.stream(new TextEncoder().encode(xmpPacket(doc)), { Type: 'Metadata', Subtype: 'XML' });
    catalog.set(PDFName.of('Metadata'), context.register(metadata));
  }
  if (!catalog.has(PDFName.of('OutputIntents'))) {
    const icc = context.register(context.stream(deflatedProfile(), { N: 3, Filter: 'FlateDecode' }));
    const intent = context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      OutputConditionIdentifier: PDFString.of(OUTPUT_CONDITION),
      Info: PDFString.of(OUTPUT_CONDITION),
      RegistryName: PDFString.of('http://www.color.org'),
      DestOutputProfile: icc,
    });
    catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
  }
  const id = PDFHexString.of(ID_PLACEHOLDER);
  context.trailerInfo.ID = context.obj([id, id]);
}

let profile: Uint8Array | undefined;

/** The sRGB profile, deflated once per process: every document embeds the same bytes. */
function deflatedProfile(): Uint8Array {
  profile ??= new Uint8Array(deflateSync(srgbProfile()));
  return profile;
}

/**
 * The identifier is the MD5 of the file as written with the placeholder (ISO 32000 14.4 suggests a
 * digest of the file's contents): the same document saved twice gets the same identifier, two
 * different ones never share it. Same length, so no offset moves.
 */
function stampFileId(bytes: Uint8Array): Uint8Array {
  const marker = new TextEncoder().encode(`<${ID_PLACEHOLDER}>`);
  const at: number[] = [];
  for (let from = bytes.length; at.length < 2;) {
    from = lastIndexOf(bytes, marker, from - 1);
    if (from < 0) throw new Error('the PDF trailer has no file identifier to fill in');
    at.push(from);
  }
  const digest = new TextEncoder().encode(`<${createHash('md5').update(bytes).digest('hex').toUpperCase()}>`);
  for (const i of at) bytes.set(digest, i);
  return bytes;
}

function lastIndexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = Math.min(from, haystack.length - needle.length); i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** XMP dates carry seconds, as the Info dictionary's do (pdf-lib writes D:YYYYMMDDHHmmSSZ). */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The XMP packet: the PDF/A identification and the Info dictionary's entries, property by property. */
export function xmpPacket(doc: PDFDocument): string {
  const title = doc.getTitle();
  const created = doc.getCreationDate();
  const modified = doc.getModificationDate();
  if (!title || !created || !modified) throw new Error('a PDF/A document needs a title and its dates (describeDocument) before it is saved');
  const author = doc.getAuthor();
  const subject = doc.getSubject();
  const keywords = doc.getKeywords();
  const creator = doc.getCreator();
  const producer = doc.getProducer();
  const lang = doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText();
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(s)}</rdf:li></rdf:Alt>`;
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    `<pdfaid:part>${PDFA_PART}</pdfaid:part>`,
    `<pdfaid:conformance>${PDFA_CONFORMANCE}</pdfaid:conformance>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(title)}</dc:title>`,
    ...(author ? [`<dc:creator><rdf:Seq><rdf:li>${xml(author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(subject ? [`<dc:description>${alt(subject)}</dc:description>`] : []),
    ...(lang ? [`<dc:language><rdf:Bag><rdf:li>${xml(lang)}</rdf:li></rdf:Bag></dc:language>`] : []),
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...(creator ? [`<xmp:CreatorTool>${xml(creator)}</xmp:CreatorTool>`] : []),
    `<xmp:CreateDate>${xmpDate(created)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(modified)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(modified)}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    ...(producer ? [`<pdf:Producer>${xml(producer)}</pdf:Producer>`] : []),
    ...(keywords ? [`<pdf:Keywords>${xml(keywords)}</pdf:Keywords>`] : []),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
  ];
  // Room for an editor to add to the packet in place, as XMP writers leave.
  return `${lines.join('\n')}\n${`${' '.repeat(99)}\n`.repeat(20)}<?xpacket end="w"?>`;
}
