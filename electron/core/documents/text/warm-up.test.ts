import { describe, expect, it } from 'vitest';
import { commonGlyphs, commonGlyphsMade } from './common-glyphs';
import { shapingFace } from './face';
import { FONT_FILES, type FontName } from './font-files';
import { warmDocumentFonts } from './warm-up';

const names = Object.keys(FONT_FILES) as FontName[];

describe('the fonts made ready ahead of the first document', () => {
  it('makes every face and its common glyphs, which a fresh process does not have', async () => {
    const faces = await Promise.all(names.map((n) => shapingFace(n)));
    expect(faces.map(commonGlyphsMade)).toEqual(names.map(() => false));
    await warmDocumentFonts();
    expect(faces.map(commonGlyphsMade)).toEqual(names.map(() => true));
    // The documents then take the very programs made ahead.
    const made = faces.map((f) => commonGlyphs(f));
    expect(faces.map((f) => commonGlyphs(f))).toEqual(made);
    expect(made.every((m) => m.deflated.length > 0 && m.glyphs.size > 100)).toBe(true);
  });
});
