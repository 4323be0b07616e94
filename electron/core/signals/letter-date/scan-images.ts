/**
 * The scanned page images inside a PDF that has no text layer, as image files OCR can open. A scanner's
 * PDF is a page holding one picture: a JPEG (DCTDecode, handed over as it is) or deflated pixels
 * (FlateDecode, 8-bit grey or RGB or 1-bit grey, wrapped as a PNG). Nothing is decoded or drawn here, so
 * the desk's thread only copies bytes; OCR decodes them in its own worker. Other encodings (JPEG 2000,
 * JBIG2, CCITT fax) are named so the reviewer knows why no date was read.
 */
import { promisify } from 'node:util';
import { crc32, deflate, inflate } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';
import { MAX_PAGES } from './text-layer';

const inflateAsync = promisify(inflate);
const deflateAsync = promisify(deflate);

export type ScanImage = { page: number; bytes: Uint8Array; mime: 'image/jpeg' | 'image/png' };
export type ScanImages = { images: ScanImage[]; unreadable: string[] };

/** The largest image of each of the first pages, as JPEG or PNG; the encodings it could not hand over. */
export async function scanImages(pdf: Uint8Array): Promise<ScanImages> {
  const doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const images: ScanImage[] = [];
  const unreadable = new Set<string>();
  for (const [i, page] of doc.getPages().slice(0, MAX_PAGES).entries()) {
    const largest = pageImages(doc, page.node.Resources()).sort((a, b) => area(b) - area(a))[0];
    if (!largest) continue;
    const image = await asImageFile(largest);
    if (typeof image === 'string') unreadable.add(image);
    else images.push({ page: i + 1, ...image });
  }
  return { images, unreadable: [...unreadable] };
}

const num = (d: PDFDict, key: string): number => {
  const v = d.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : 0;
};
const area = (s: PDFRawStream) => num(s.dict, 'Width') * num(s.dict, 'Height');

/** Image XObjects of a page, and of the forms it draws (scanning software sometimes wraps the picture in one). */
function pageImages(doc: PDFDocument, resources: PDFDict | undefined, depth = 0): PDFRawStream[] {
  const xobjects = resources?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict) || depth > 2) return [];
  const out: PDFRawStream[] = [];
  for (const [, ref] of xobjects.entries()) {
    const obj: PDFObject | undefined = doc.context.lookup(ref);
    if (!(obj instanceof PDFRawStream)) continue;
    const subtype = obj.dict.lookup(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) out.push(obj);
    else if (subtype === PDFName.of('Form')) out.push(...pageImages(doc, obj.dict.lookup(PDFName.of('Resources')) as PDFDict | undefined, depth + 1));
  }
  return out;
}

function filters(s: PDFRawStream): string[] {
  const f = s.dict.lookup(PDFName.of('Filter'));
  if (f instanceof PDFName) return [f.decodeText()];
  if (f instanceof PDFArray) return f.asArray().map((x) => (x instanceof PDFName ? x.decodeText() : '?'));
  return [];
}

/** An image file of the stream, or the name of the encoding that cannot be handed to OCR. */
async function asImageFile(s: PDFRawStream): Promise<Omit<ScanImage, 'page'> | string> {
  const chain = filters(s);
  if (chain.length === 1 && chain[0] === 'DCTDecode') return { bytes: s.contents, mime: 'image/jpeg' };
  if (chain.length === 1 && chain[0] === 'FlateDecode') {
    const png = await flateToPng(s);
    return png ? { bytes: png, mime: 'image/png' } : 'FlateDecode (colour space or depth)';
  }
  return chain.join('+') || 'uncompressed';
}

const CHANNELS: Record<string, number> = { DeviceGray: 1, DeviceRGB: 3, CalGray: 1, CalRGB: 3 };

async function flateToPng(s: PDFRawStream): Promise<Uint8Array | null> {
  const width = num(s.dict, 'Width');
  const height = num(s.dict, 'Height');
  const bits = num(s.dict, 'BitsPerComponent');
  const space = s.dict.lookup(PDFName.of('ColorSpace'));
  const channels = space instanceof PDFName ? CHANNELS[space.decodeText()] : undefined;
  if (!channels || width <= 0 || height <= 0 || !(bits === 8 || (bits === 1 && channels === 1))) return null;
  const params = s.dict.lookup(PDFName.of('DecodeParms'));
  const predictor = params instanceof PDFDict ? num(params, 'Predictor') : 0;
  const rowBytes = Math.ceil((width * channels * bits) / 8);
  let data: Uint8Array;
  if (predictor >= 10) {
    // PNG predictors: the deflated data already is PNG's filtered rows.
    data = s.contents;
  } else {
    const raw = await inflateAsync(s.contents);
    if (raw.length < rowBytes * height) return null;
    // PNG wants a filter byte (0: none) before each row.
    const rows = Buffer.alloc((rowBytes + 1) * height);
    for (let y = 0; y < height; y++) raw.copy(rows, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
    data = await deflateAsync(rows);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(bits, 8);
  header.writeUInt8(channels === 3 ? 2 : 0, 9); // colour type: truecolour or greyscale
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}
