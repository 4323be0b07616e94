/**
 * One content stream per page, compressed once with Node's zlib, just before saving.
 *
 * A page is drawn into many streams: pdf-lib adds one for its shapes, the typesetter one for each
 * run of text between two shapes (so a later shape is never drawn beneath earlier text). Each
 * would be its own object, deflated on its own, pdf-lib's with pako (allocating ~300 kB per
 * stream, a card's budget in garbage collection alone). ISO 32000-1 7.8.2: the streams of a page's
 * Contents array are read as their concatenation, so joining them, in order, draws the same page.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFContentStream, PDFName, PDFRawStream, PDFRef, type PDFContext, type PDFDocument, type PDFPage } from 'pdf-lib';

/** Below this a stream is stored as it is: deflate's own header and checksum would win little. */
export const DEFLATE_FROM_BYTES = 256;

/**
 * zlib's level 4: a card's pages deflate three times as fast as at the default level 6, 6 % larger
 * (content streams repeat short operators; the longer searches of levels 5–9 find little more).
 */
const LEVEL = 4;

/** A stream's bytes, stored plain or deflated by size. */
export function contentStream(context: PDFContext, bytes: Uint8Array): PDFRawStream {
  return bytes.length < DEFLATE_FROM_BYTES ? context.stream(bytes) : context.stream(deflateSync(bytes, { level: LEVEL }), { Filter: 'FlateDecode' });
}

/**
 * Adds a content stream to the page, after everything drawn on it so far, for the caller to assign
 * (plain: mergePageContents compresses the page's). pdf-lib draws into its own last stream, so its
 * next drawing is sent to a new stream after this one, or shapes drawn later would end up beneath.
 */
export function reserveContent(page: PDFPage): PDFRef {
  const ref = page.doc.context.nextRef();
  page.node.addContentStream(ref);
  const internals = page as unknown as { contentStream?: unknown; contentStreamRef?: unknown };
  if ('contentStream' in internals) {
    internals.contentStream = undefined;
    internals.contentStreamRef = undefined;
  } else page.resetPosition();
  return ref;
}

/** Whether nothing has been drawn on the page since `ref` was reserved. */
export function isLastContent(page: PDFPage, ref: PDFRef): boolean {
  const contents = page.node.Contents();
  return contents instanceof PDFArray && contents.get(contents.size() - 1) === ref;
}

/** Joins each page's content streams into one (pages it cannot read are left as they are). */
export function mergePageContents(doc: PDFDocument): void {
  const { context } = doc;
  for (const page of doc.getPages()) {
    const contents = page.node.normalizedEntries().Contents;
    if (!contents) continue;
    const refs: PDFRef[] = [];
    const parts: Uint8Array[] = [];
    for (let k = 0; k < contents.size(); k++) {
      const ref = contents.get(k);
      const bytes = ref instanceof PDFRef ? decoded(context, ref) : undefined;
      if (!bytes) break;
      refs.push(ref as PDFRef);
      parts.push(bytes);
    }
    if (refs.length !== contents.size() || refs.length === 0) continue;
    context.assign(refs[0]!, contentStream(context, joined(parts)));
    for (const ref of refs.slice(1)) context.delete(ref);
    page.node.set(PDFName.of('Contents'), refs[0]!);
  }
}

/** A content stream's decoded bytes: pdf-lib's own (not yet encoded), or a raw one, plain or deflated. */
function decoded(context: PDFContext, ref: PDFRef): Uint8Array | undefined {
  const stream = context.lookup(ref);
  if (stream instanceof PDFContentStream) return stream.getUnencodedContents();
  if (!(stream instanceof PDFRawStream)) return undefined;
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (stream.dict.has(PDFName.of('DecodeParms'))) return undefined;
  if (filter === undefined) return stream.contents;
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  return only === PDFName.of('FlateDecode') ? new Uint8Array(inflateSync(stream.contents)) : undefined;
}

/** The streams one after another, a newline between each (a stream may end without one). */
function joined(parts: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length + 1;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
    out[at++] = 0x0a;
  }
  return out;
}
