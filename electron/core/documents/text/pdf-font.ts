import type { PDFDict, PDFDocument, PDFRef } from 'pdf-lib';
import { PDFHexString, PDFName, PDFString, type PDFPage } from 'pdf-lib';
import type { ShapingFace } from './face';
import { FONT_FILES } from './font-files';
import { subsetFont } from './subset';
import { deflateSync } from 'node:zlib';

/**
 * A TrueType font embedded as a CIDFontType2 with Identity-H encoding: content streams name
 * glyph ids directly (HarfBuzz's output), so no character-to-glyph guessing happens in the PDF.
 * The width array and the ToUnicode map are written at the end, from the glyphs actually drawn
 * and the text HarfBuzz says each stands for, so viewers space the letters right and copy or
 * extract the text back. The font file itself is embedded once per document.
 */
export class EmbeddedFont {
  readonly ref: PDFRef;
  private readonly widthsRef: PDFRef;
  private readonly toUnicodeRef: PDFRef;
  private readonly fontFileRef: PDFRef;
  private readonly descriptor: PDFDict;
  private readonly cidFont: PDFDict;
  private readonly type0: PDFDict;
  private readonly used = new Map<number, string>();
  private readonly pageKeys = new WeakMap<PDFPage, PDFName>();

  constructor(
    private readonly doc: PDFDocument,
    readonly face: ShapingFace,
  ) {
    const context = doc.context;
    const baseName = FONT_FILES[face.name].replace(/\.ttf$/, '');
    this.fontFileRef = context.nextRef();
    const scale = (v: number) => Math.round((v * 1000) / face.upem);
    this.descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: baseName,
      Flags: 4,
      FontBBox: face.metrics.bbox.map(scale),
      ItalicAngle: 0,
      Ascent: scale(face.metrics.ascender),
      Descent: scale(face.metrics.descender),
      CapHeight: scale(face.metrics.capHeight),
      StemV: 80,
      FontFile2: this.fontFileRef,
    });
    const descriptor = context.register(this.descriptor);
    this.widthsRef = context.nextRef();
    this.toUnicodeRef = context.nextRef();
    this.cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseName,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 0,
      W: this.widthsRef,
      CIDToGIDMap: 'Identity',
    });
    const cidFont = context.register(this.cidFont);
    this.type0 = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseName,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: this.toUnicodeRef,
    });
    this.ref = context.register(this.type0);
  }

  /** Records a drawn glyph; the first text seen for a glyph is the one it maps to. */
  use(glyph: number, text: string): PDFHexString {
    const known = this.used.get(glyph);
    if (known === undefined || (known === '' && text !== '')) this.used.set(glyph, text);
    return PDFHexString.of(glyph.toString(16).padStart(4, '0'));
  }

  /** The font's resource name on a page (added to the page's resources once). */
  keyOn(page: PDFPage): PDFName {
    let key = this.pageKeys.get(page);
    if (!key) {
      key = page.node.newFontDictionary(this.face.name, this.ref);
      this.pageKeys.set(page, key);
    }
    return key;
  }

  /** Writes the font (subset to the glyphs drawn), the widths and the text map; call once, before saving. */
  finish(): void {
    const context = this.doc.context;
    const program = subsetFont(this.face.bytes, this.used.keys());
    // Node's zlib: pdf-lib's own deflate (pako) costs milliseconds per font, a card's budget.
    context.assign(this.fontFileRef, context.stream(deflateSync(program), { Filter: 'FlateDecode', Length1: program.length }));
    if (program !== this.face.bytes) {
      // A subset font's name carries a tag (ISO 32000 9.6.4), different for different subsets.
      const name = PDFName.of(`${subsetTag([...this.used.keys()])}+${FONT_FILES[this.face.name].replace(/\.ttf$/, '')}`);
      this.descriptor.set(PDFName.of('FontName'), name);
      this.cidFont.set(PDFName.of('BaseFont'), name);
      this.type0.set(PDFName.of('BaseFont'), name);
    }
    const glyphs = [...this.used.keys()].sort((a, b) => a - b);
    const widths: (number | number[])[] = [];
    for (const g of glyphs) widths.push(g, [Math.round((this.face.advance(g) * 1000) / this.face.upem)]);
    context.assign(this.widthsRef, context.obj(widths));
    context.assign(this.toUnicodeRef, context.stream(deflateSync(toUnicodeCMap(this.used)), { Filter: 'FlateDecode' }));
  }
}

function toUnicodeCMap(used: Map<number, string>): string {
  const entries = [...used].filter(([, text]) => text !== '');
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar`);
    for (const [glyph, text] of chunk) blocks.push(`<${hex4(glyph)}> <${utf16Hex(text)}>`);
    blocks.push('endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
const utf16Hex = (text: string) => [...Array(text.length).keys()].map((i) => hex4(text.charCodeAt(i))).join('');

/** Six capital letters from the glyph set. */
function subsetTag(glyphs: number[]): string {
  let h = 2166136261;
  for (const g of glyphs.sort((a, b) => a - b)) h = Math.imul(h ^ g, 16777619) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + 7919 * (i + 1);
  }
  return tag;
}
