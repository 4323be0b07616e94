import type { PDFDict, PDFDocument, PDFRef } from 'pdf-lib';
import { PDFName, PDFString, type PDFPage } from 'pdf-lib';
import type { ShapingFace } from './face';
import { FONT_FILES } from './font-files';
import { subsetFont, subsetTag } from './subset';
import { commonGlyphs } from './common-glyphs';
import { deflateSync } from 'node:zlib';
import { contentStream } from '../page-contents';

/**
 * A TrueType font embedded as a CIDFontType2 with Identity-H encoding: content streams name
 * glyph ids directly (HarfBuzz's output), so no character-to-glyph guessing happens in the PDF.
 * The width array and the ToUnicode map are written at the end, from the glyphs actually drawn
 * and the text HarfBuzz says each stands for, so viewers space the letters right and copy or
 * extract the text back. The font file itself is embedded once per document.
 *
 * A ToUnicode map gives a glyph one text, but one glyph can stand for different text: the glyph
 * of ")" is drawn for "(" in right-to-left text (mirrored), and for ")" in left-to-right text.
 * So the font has variants, each a font dictionary of its own over the same embedded program
 * and widths, with its own map: a glyph that already means something else in every variant so far
 * is drawn from a new one, and every glyph reads back as what it stood for where it was drawn.
 */
export class EmbeddedFont {
  private readonly widthsRef: PDFRef;
  private readonly fontFileRef: PDFRef;
  private readonly descriptor: PDFDict;
  private readonly descriptorRef: PDFRef;
  private readonly baseName: string;
  private readonly variants: FontVariant[] = [];
  private readonly glyphs = new Set<number>();

  constructor(
    private readonly doc: PDFDocument,
    readonly face: ShapingFace,
  ) {
    const context = doc.context;
    this.baseName = FONT_FILES[face.name].replace(/\.ttf$/, '');
    this.fontFileRef = context.nextRef();
    const scale = (v: number) => Math.round((v * 1000) / face.upem);
    this.descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: this.baseName,
      Flags: 4,
      FontBBox: face.metrics.bbox.map(scale),
      ItalicAngle: 0,
      Ascent: scale(face.metrics.ascender),
      Descent: scale(face.metrics.descender),
      CapHeight: scale(face.metrics.capHeight),
      StemV: 80,
      FontFile2: this.fontFileRef,
    });
    this.descriptorRef = context.register(this.descriptor);
    this.widthsRef = context.nextRef();
  }

  /** The first variant's font dictionary. */
  get ref(): PDFRef {
    return this.variant(0).ref;
  }

  /**
   * Records a drawn glyph standing for `text` ('' for the rest of a cluster, which stands for
   * nothing: it maps to an invisible format character extractors skip) and says which variant
   * draws it.
   */
  use(glyph: number, text: string): { variant: number; code: string } {
    const meaning = text === '' ? '\u200b' : text;
    this.glyphs.add(glyph);
    for (let v = 0; ; v++) {
      const variant = this.variant(v);
      const known = variant.map.get(glyph);
      if (known === undefined) variant.map.set(glyph, meaning);
      if (known === undefined || known === meaning) return { variant: v, code: glyphCode(glyph) };
    }
  }

  /** A variant's resource name on a page, as a content stream names it (added to the page's resources once). */
  keyTextOn(page: PDFPage, variant = 0): string {
    const v = this.variant(variant);
    let key = v.pageKeys.get(page);
    if (!key) {
      key = page.node.newFontDictionary(variant === 0 ? this.face.name : `${this.face.name}-${variant}`, v.ref).toString();
      v.pageKeys.set(page, key);
    }
    return key;
  }

  /**
   * Writes the font (the common subset if it has every glyph drawn, else a subset to those), the
   * widths and the text maps; call once, before saving.
   */
  finish(): void {
    const context = this.doc.context;
    const common = commonGlyphs(this.face);
    let name: PDFName;
    if ([...this.glyphs].every((g) => common.glyphs.has(g))) {
      // The common subset, made once per process (common-glyphs.ts).
      context.assign(this.fontFileRef, context.stream(common.deflated, { Filter: 'FlateDecode', Length1: common.length }));
      name = PDFName.of(`${common.tag}+${this.baseName}`);
    } else {
      const program = subsetFont(this.face.bytes, this.glyphs);
      // Node's zlib: pdf-lib's own deflate (pako) costs milliseconds per font, a card's budget.
      context.assign(this.fontFileRef, context.stream(deflateSync(program), { Filter: 'FlateDecode', Length1: program.length }));
      // A subset font's name carries a tag (ISO 32000 9.6.4), different for different subsets.
      name = PDFName.of(program === this.face.bytes ? this.baseName : `${subsetTag([...this.glyphs])}+${this.baseName}`);
    }
    this.descriptor.set(PDFName.of('FontName'), name);
    const glyphs = [...this.glyphs].sort((a, b) => a - b);
    const widths: (number | number[])[] = [];
    for (const g of glyphs) widths.push(g, [Math.round((this.face.advance(g) * 1000) / this.face.upem)]);
    context.assign(this.widthsRef, context.obj(widths));
    for (const v of this.variants) {
      v.cidFont.set(PDFName.of('BaseFont'), name);
      v.type0.set(PDFName.of('BaseFont'), name);
      context.assign(v.toUnicodeRef, contentStream(context, new TextEncoder().encode(toUnicodeCMap(v.map))));
    }
  }

  private variant(k: number): FontVariant {
    while (this.variants.length <= k) {
      const context = this.doc.context;
      const toUnicodeRef = context.nextRef();
      const cidFont = context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: this.baseName,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: this.descriptorRef,
        DW: 0,
        W: this.widthsRef,
        CIDToGIDMap: 'Identity',
      });
      const type0 = context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: this.baseName,
        Encoding: 'Identity-H',
        DescendantFonts: [context.register(cidFont)],
        ToUnicode: toUnicodeRef,
      });
      this.variants.push({ ref: context.register(type0), type0, cidFont, toUnicodeRef, map: new Map(), pageKeys: new WeakMap() });
    }
    return this.variants[k]!;
  }
}

interface FontVariant {
  ref: PDFRef;
  type0: PDFDict;
  cidFont: PDFDict;
  toUnicodeRef: PDFRef;
  /** Glyph id → the text it stands for in this variant. */
  map: Map<number, string>;
  pageKeys: WeakMap<PDFPage, string>;
}

function toUnicodeCMap(used: Map<number, string>): string {
  const entries = [...used];
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

/** A glyph id as a content stream's two-byte hex string (Identity-H), made once per id. */
const CODES: string[] = [];
const glyphCode = (glyph: number): string => (CODES[glyph] ??= `<${glyph.toString(16).padStart(4, '0')}>`);

const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
const utf16Hex = (text: string) => [...Array(text.length).keys()].map((i) => hex4(text.charCodeAt(i))).join('');
