/**
 * The page rules of PDF/A-2 (ISO 19005-2 6.2) that depend on what the content streams draw, as
 * veraPDF checks them: every font used is embedded, every glyph drawn is in its font program, is not
 * .notdef and has the width the font program gives it; no CMYK colour without a CMYK intent; only the
 * standard rendering intents; graphics states nested at most 28 deep; images and graphics states
 * without the features PDF/A forbids.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, decodePDFRawStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import { contentOperations, type Operand } from './content-ops';
import { readTrueType, type TrueTypeMetrics } from './truetype';
import type { PdfAProblem } from './pdfa-xmp';

const RENDERING_INTENTS = new Set(['RelativeColorimetric', 'AbsoluteColorimetric', 'Perceptual', 'Saturation']);
const BLEND_MODES = new Set([
  'Normal',
  'Compatible',
  'Multiply',
  'Screen',
  'Overlay',
  'Darken',
  'Lighten',
  'ColorDodge',
  'ColorBurn',
  'HardLight',
  'SoftLight',
  'Difference',
  'Exclusion',
  'Hue',
  'Saturation',
  'Color',
  'Luminosity',
]);

interface FontInfo {
  name: string;
  /** CID → width in the PDF (W and DW); null when the font is not a Type 0 font with Identity-H. */
  width: ((cid: number) => number) | null;
  gid: (cid: number) => number;
  program: TrueTypeMetrics | null;
}

export function checkPages(doc: PDFDocument, problems: PdfAProblem[]): void {
  const add = (rule: string, message: string) => void problems.push({ rule, message });
  const fonts = new Map<PDFObject, FontInfo | null>();
  const seen = new Set<PDFObject>();
  for (const [n, page] of doc.getPages().entries()) {
    const resources = page.node.Resources();
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const bytes = concat(streams.filter((s): s is PDFRawStream => s instanceof PDFRawStream).map(decoded));
    walk(doc, bytes, resources, `page ${n + 1}`, fonts, seen, add);
  }
}

function walk(
  doc: PDFDocument,
  content: Uint8Array,
  resources: PDFDict | undefined,
  where: string,
  fonts: Map<PDFObject, FontInfo | null>,
  seen: Set<PDFObject>,
  add: (rule: string, message: string) => void,
): void {
  const lookupIn = (category: string, name: string) => {
    const dict = resources?.lookupMaybe(PDFName.of(category), PDFDict);
    return dict ? doc.context.lookup(dict.get(PDFName.of(name))) : undefined;
  };
  let font: FontInfo | null = null;
  let depth = 0;
  let ops: ReturnType<typeof contentOperations>;
  try {
    ops = contentOperations(content);
  } catch (e) {
    return add('6.2.2', `${where}: the content stream cannot be read: ${(e as Error).message}`);
  }
  for (const { op, operands } of ops) {
    for (const o of operands) if (o.kind === 'string' && o.oddHex) add('6.1.6-1', `${where}: a hex string with an odd number of digits`);
    if (op === 'q' && ++depth > 28) add('6.1.13-9', `${where}: graphics states nested deeper than 28`);
    if (op === 'Q') depth--;
    if (op === 'k' || op === 'K' || ((op === 'cs' || op === 'CS') && operands[0]?.kind === 'name' && operands[0].value === 'DeviceCMYK'))
      add('6.2.4.3-4', `${where}: CMYK colour (${op}) with an RGB output intent and no DefaultCMYK`);
    if (op === 'ri' && operands[0]?.kind === 'name' && !RENDERING_INTENTS.has(operands[0].value))
      add('6.2.9-1', `${where}: rendering intent ${operands[0].value}`);
    if (op === 'gs' && operands[0]?.kind === 'name') {
      const gs = lookupIn('ExtGState', operands[0].value);
      if (gs instanceof PDFDict) checkGraphicsState(gs, where, add);
    }
    if (op === 'Tf' && operands[0]?.kind === 'name') {
      const obj = lookupIn('Font', operands[0].value);
      if (!obj) add('6.2.11.4.1-1', `${where}: font ${operands[0].value} is not in the resources`);
      else {
        if (!fonts.has(obj)) fonts.set(obj, obj instanceof PDFDict ? fontInfo(doc, obj, add) : null);
        font = fonts.get(obj) ?? null;
      }
    }
    if (op === 'Tj' || op === 'TJ' || op === "'" || op === '"') {
      const strings = (op === 'TJ' && operands[0]?.kind === 'array' ? operands[0].items : operands).filter(
        (o): o is Extract<Operand, { kind: 'string' }> => o.kind === 'string',
      );
      if (font) for (const s of strings) checkGlyphs(font, s.bytes, where, add);
    }
    if (op === 'Do' && operands[0]?.kind === 'name') {
      const x = lookupIn('XObject', operands[0].value);
      if (x instanceof PDFRawStream && !seen.has(x)) {
        seen.add(x);
        checkXObject(doc, x, `${where} ${operands[0].value}`, fonts, seen, add);
      }
    }
    if (op === 'BI') add('6.2.8', `${where}: an inline image (the desk draws none; not checked here)`);
  }
}

function checkXObject(
  doc: PDFDocument,
  x: PDFRawStream,
  where: string,
  fonts: Map<PDFObject, FontInfo | null>,
  seen: Set<PDFObject>,
  add: (rule: string, message: string) => void,
): void {
  const d = x.dict;
  const subtype = d.get(PDFName.of('Subtype'))?.toString();
  if (d.has(PDFName.of('OPI'))) add('6.2.8-2', `${where}: an OPI entry`);
  if (subtype === '/Image') {
    if (d.get(PDFName.of('Interpolate'))?.toString() === 'true') add('6.2.8-3', `${where}: Interpolate is true`);
    if (d.has(PDFName.of('Alternates'))) add('6.2.8-1', `${where}: an Alternates entry`);
    const bpc = d.lookupMaybe(PDFName.of('BitsPerComponent'), PDFNumber)?.asNumber();
    if (bpc !== undefined && ![1, 2, 4, 8, 16].includes(bpc)) add('6.2.8-4', `${where}: BitsPerComponent ${bpc}`);
    if (d.get(PDFName.of('ColorSpace'))?.toString() === '/DeviceCMYK')
      add('6.2.4.3-4', `${where}: a CMYK image with an RGB output intent and no DefaultCMYK`);
  } else if (subtype === '/Form') {
    if (d.has(PDFName.of('PS')) || d.get(PDFName.of('Subtype2'))?.toString() === '/PS') add('6.2.9-2', `${where}: a PostScript form`);
    walk(doc, decoded(x), d.lookupMaybe(PDFName.of('Resources'), PDFDict), where, fonts, seen, add);
  } else if (subtype === '/PS') add('6.2.9-2', `${where}: a PostScript XObject`);
}

function checkGraphicsState(gs: PDFDict, where: string, add: (rule: string, message: string) => void): void {
  if (gs.has(PDFName.of('TR'))) add('6.2.5-1', `${where}: a graphics state with a transfer function (TR)`);
  const tr2 = gs.get(PDFName.of('TR2'));
  if (tr2 && tr2.toString() !== '/Default') add('6.2.5-2', `${where}: a graphics state with TR2 other than /Default`);
  if (gs.has(PDFName.of('HTP')) || gs.has(PDFName.of('HTO'))) add('6.2.5-3', `${where}: a graphics state with HTP or HTO`);
  const bm = gs.get(PDFName.of('BM'));
  const modes = bm instanceof PDFArray ? bm.asArray() : bm ? [bm] : [];
  for (const m of modes) if (!BLEND_MODES.has(m.toString().slice(1))) add('6.2.10-1', `${where}: blend mode ${m.toString()}`);
  const ri = gs.get(PDFName.of('RI'));
  if (ri && !RENDERING_INTENTS.has(ri.toString().slice(1))) add('6.2.9-1', `${where}: rendering intent ${ri.toString()}`);
}

function fontInfo(doc: PDFDocument, font: PDFDict, add: (rule: string, message: string) => void): FontInfo | null {
  const name = font.get(PDFName.of('BaseFont'))?.toString() ?? '(no BaseFont)';
  const subtype = font.get(PDFName.of('Subtype'))?.toString();
  if (subtype === '/Type3') return null;
  if (subtype !== '/Type0') {
    const fd = font.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    if (!fd || !['FontFile', 'FontFile2', 'FontFile3'].some((k) => fd.has(PDFName.of(k)))) add('6.2.11.4.1-1', `font ${name} is not embedded`);
    return null;
  }
  const encoding = font.get(PDFName.of('Encoding'))?.toString();
  const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
  if (!(descendant instanceof PDFDict)) {
    add('6.2.11.3', `font ${name} has no descendant font`);
    return null;
  }
  const fd = descendant.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
  const file2 = fd?.lookup(PDFName.of('FontFile2'));
  const file3 = fd?.lookup(PDFName.of('FontFile3'));
  if (!(file2 instanceof PDFRawStream) && !(file3 instanceof PDFRawStream)) {
    add('6.2.11.4.1-1', `font ${name} is not embedded`);
    return null;
  }
  if (fd?.has(PDFName.of('CIDSet'))) add('6.2.11.4.2-2', `font ${name} has a CIDSet, which this check does not verify (the desk writes none)`);
  const cidType2 = descendant.get(PDFName.of('Subtype'))?.toString() === '/CIDFontType2';
  const toGid = descendant.lookup(PDFName.of('CIDToGIDMap'));
  if (cidType2 && !(toGid instanceof PDFRawStream) && toGid?.toString() !== '/Identity')
    add('6.2.11.3.2-1', `font ${name}: a CIDFontType2 without CIDToGIDMap Identity or a stream`);
  if (encoding !== '/Identity-H' && encoding !== '/Identity-V') {
    add('6.2.11.3.3', `font ${name}: encoding ${encoding ?? '(none)'} (this check reads Identity only)`);
    return null;
  }
  const gidMap = toGid instanceof PDFRawStream ? decoded(toGid) : null;
  const gid = (cid: number) => (gidMap ? (gidMap[cid * 2]! << 8) | gidMap[cid * 2 + 1]! : cid);
  let program: TrueTypeMetrics | null = null;
  if (file2 instanceof PDFRawStream) {
    try {
      program = readTrueType(decoded(file2));
    } catch (e) {
      add('6.2.11.4.1-1', `font ${name}: the embedded program cannot be read: ${(e as Error).message}`);
    }
  }
  return { name, width: cidWidths(doc, descendant), gid, program };
}

/** The W array and DW of a CIDFont as a function of the CID (ISO 32000 9.7.4.3). */
function cidWidths(doc: PDFDocument, cidFont: PDFDict): (cid: number) => number {
  const dw = cidFont.lookupMaybe(PDFName.of('DW'), PDFNumber)?.asNumber() ?? 1000;
  const widths = new Map<number, number>();
  const w = cidFont.lookupMaybe(PDFName.of('W'), PDFArray);
  const items = w ? w.asArray().map((o) => doc.context.lookup(o)) : [];
  const num = (o: PDFObject | undefined) => (o instanceof PDFNumber ? o.asNumber() : NaN);
  for (let k = 0; k < items.length;) {
    const first = num(items[k]);
    const next = items[k + 1];
    if (next instanceof PDFArray) {
      next.asArray().forEach((v, j) => widths.set(first + j, num(doc.context.lookup(v))));
      k += 2;
    } else {
      const last = num(next);
      const width = num(items[k + 2]);
      for (let c = first; c <= last; c++) widths.set(c, width);
      k += 3;
    }
  }
  return (cid) => widths.get(cid) ?? dw;
}

function checkGlyphs(font: FontInfo, codes: Uint8Array, where: string, add: (rule: string, message: string) => void): void {
  if (!font.width) return;
  for (let k = 0; k + 1 < codes.length; k += 2) {
    const cid = (codes[k]! << 8) | codes[k + 1]!;
    const gid = font.gid(cid);
    if (gid === 0) add('6.2.11.8-1', `${where}: font ${font.name} draws .notdef`);
    if (!font.program) continue;
    if (gid >= font.program.numGlyphs) add('6.2.11.4.1-2', `${where}: font ${font.name} draws glyph ${gid}, not in its program`);
    else {
      const pdf = font.width(cid);
      const program = font.program.advance(gid);
      if (Math.abs(pdf - program) > 1)
        add('6.2.11.5-1', `${where}: font ${font.name} glyph ${gid} is ${pdf} wide in the PDF, ${program.toFixed(1)} in the font`);
    }
  }
}

function decoded(s: PDFRawStream): Uint8Array {
  return s.dict.has(PDFName.of('Filter')) ? decodePDFRawStream(s).decode() : s.contents;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    out[at + p.length] = 10; // content streams of a page are joined as if separated by white space
    at += p.length + 1;
  }
  return out;
}
