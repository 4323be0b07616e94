/**
 * The metadata rules of PDF/A-2 (ISO 19005-2 6.6), as veraPDF checks them: the catalog's XMP stream,
 * its packet header, the PDF/A identification, schemas a reader knows, and the Info dictionary
 * saying the same as the XMP.
 */
import { PDFDict, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';
import { descendants, parseXml, type XmlElement } from './xml';

export interface PdfAProblem {
  /** The clause of ISO 19005-2 (veraPDF's rule number) the file breaks. */
  rule: string;
  message: string;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** The schemas of the XMP specification (2004/2005) and PDF/A's own: anything else needs an extension schema. */
const KNOWN_SCHEMAS = new Set([
  'http://purl.org/dc/elements/1.1/',
  'http://ns.adobe.com/xap/1.0/',
  'http://ns.adobe.com/xap/1.0/rights/',
  'http://ns.adobe.com/xap/1.0/mm/',
  'http://ns.adobe.com/xap/1.0/bj/',
  'http://ns.adobe.com/xap/1.0/t/pg/',
  'http://ns.adobe.com/xmp/1.0/DynamicMedia/',
  'http://ns.adobe.com/pdf/1.3/',
  'http://ns.adobe.com/photoshop/1.0/',
  'http://ns.adobe.com/camera-raw-settings/1.0/',
  'http://ns.adobe.com/tiff/1.0/',
  'http://ns.adobe.com/exif/1.0/',
  'http://ns.adobe.com/exif/1.0/aux/',
  'http://www.aiim.org/pdfa/ns/id/',
]);

/** Property values of the XMP by "namespace URI + local name" (an Alt's x-default, a Seq's items joined). */
type Properties = Map<string, string[]>;

export function checkMetadata(doc: PDFDocument, problems: PdfAProblem[]): void {
  const add = (rule: string, message: string) => void problems.push({ rule, message });
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) return add('6.6.2.1-1', 'the catalog has no Metadata stream');
  const d = stream.dict;
  if (d.get(PDFName.of('Type'))?.toString() !== '/Metadata' || d.get(PDFName.of('Subtype'))?.toString() !== '/XML')
    add('6.6.2.1-1', 'the Metadata stream is not /Type /Metadata /Subtype /XML');
  if (d.has(PDFName.of('Filter'))) add('6.6.2.1-2', 'the Metadata stream is compressed (its dictionary has a Filter)');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(stream.contents);
  let parsed: ReturnType<typeof parseXml>;
  try {
    parsed = parseXml(text);
  } catch (e) {
    return add('6.6.2.1-1', `the XMP is not well-formed: ${(e as Error).message}`);
  }
  const header = parsed.instructions.find((p) => p.startsWith('xpacket begin'));
  if (!header) add('6.6.2.2-1', 'the XMP has no <?xpacket begin…?> header');
  else if (/\b(bytes|encoding)\s*=/.test(header)) add('6.6.2.2-1', 'the XMP packet header uses the bytes or encoding attribute');
  if (!parsed.instructions.some((p) => /^xpacket end=['"][rw]['"]$/.test(p))) add('6.6.2.2-1', 'the XMP has no <?xpacket end…?> trailer');

  const props = properties(parsed.root, add);
  const one = (ns: string, local: string) => props.get(ns + local)?.[0];
  const PDFAID = 'http://www.aiim.org/pdfa/ns/id/';
  if (one(PDFAID, 'part') !== '2') add('6.6.4-1', `pdfaid:part is ${one(PDFAID, 'part') ?? 'missing'}, not 2`);
  if (one(PDFAID, 'conformance') !== 'B') add('6.6.4-1', `pdfaid:conformance is ${one(PDFAID, 'conformance') ?? 'missing'}, not B`);

  // Info entries and their XMP equivalents must agree (ISO 19005-2 6.6.3, veraPDF 6.6.3-x).
  const DC = 'http://purl.org/dc/elements/1.1/';
  const XMP = 'http://ns.adobe.com/xap/1.0/';
  const PDF = 'http://ns.adobe.com/pdf/1.3/';
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return;
  const pairs: Array<[string, string | undefined, string[] | undefined]> = [
    ['Title', doc.getTitle(), props.get(`${DC}title`)],
    ['Author', doc.getAuthor(), props.get(`${DC}creator`)],
    ['Subject', doc.getSubject(), props.get(`${DC}description`)],
    ['Keywords', doc.getKeywords(), props.get(`${PDF}Keywords`)],
    ['Creator', doc.getCreator(), props.get(`${XMP}CreatorTool`)],
    ['Producer', doc.getProducer(), props.get(`${PDF}Producer`)],
  ];
  for (const [key, value, xmp] of pairs) {
    if (value === undefined) continue;
    if (!xmp || xmp.length !== 1 || xmp[0] !== value)
      add('6.6.3-1', `Info ${key} "${value}" and the XMP (${xmp ? JSON.stringify(xmp) : 'absent'}) differ`);
  }
  const dates: Array<[string, Date | undefined, string | undefined]> = [
    ['CreationDate', doc.getCreationDate(), one(XMP, 'CreateDate')],
    ['ModDate', doc.getModificationDate(), one(XMP, 'ModifyDate')],
  ];
  for (const [key, value, xmp] of dates) {
    if (value === undefined) continue;
    if (!xmp || new Date(xmp).getTime() !== value.getTime())
      add('6.6.3-1', `Info ${key} ${value.toISOString()} and the XMP (${xmp ?? 'absent'}) differ`);
  }
}

/** The properties of every rdf:Description (as elements or attributes), refusing unknown schemas. */
function properties(root: XmlElement, add: (rule: string, message: string) => void): Properties {
  const namespaces = new Map<string, string>();
  for (const el of descendants(root))
    for (const [k, v] of Object.entries(el.attrs)) {
      if (!k.startsWith('xmlns:')) continue;
      const prefix = k.slice(6);
      if (namespaces.has(prefix) && namespaces.get(prefix) !== v) add('6.6.2.3.1-1', `the prefix ${prefix} names two namespaces`);
      namespaces.set(prefix, v);
    }
  const uri = (qname: string) => {
    const [prefix, local] = qname.includes(':') ? qname.split(':', 2) : ['', qname];
    return { ns: namespaces.get(prefix!) ?? `(undeclared ${prefix})`, local: local! };
  };
  const props: Properties = new Map();
  const descriptions = [...descendants(root)].filter((e) => uri(e.name).ns === RDF && uri(e.name).local === 'Description');
  if (descriptions.length === 0) add('6.6.2.1-1', 'the XMP has no rdf:Description');
  for (const desc of descriptions) {
    const found: Array<[string, string, string[]]> = [];
    for (const [k, v] of Object.entries(desc.attrs)) {
      if (k.startsWith('xmlns:') || uri(k).ns === RDF) continue;
      found.push([uri(k).ns, uri(k).local, [v]]);
    }
    for (const child of desc.children) {
      const items = [...descendants(child)].filter((e) => uri(e.name).ns === RDF && uri(e.name).local === 'li');
      const alt = items.find((li) => li.attrs['xml:lang'] === 'x-default');
      found.push([uri(child.name).ns, uri(child.name).local, alt ? [alt.text] : items.length > 0 ? items.map((li) => li.text) : [child.text]]);
    }
    for (const [ns, local, values] of found) {
      if (!KNOWN_SCHEMAS.has(ns)) add('6.6.2.3.1-1', `the XMP property ${local} is in ${ns}, a schema without an extension schema`);
      props.set(ns + local, values);
    }
  }
  return props;
}
