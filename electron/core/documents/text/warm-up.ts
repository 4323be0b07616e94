import { setImmediate as nextTurn } from 'node:timers/promises';
import { commonGlyphs } from './common-glyphs';
import { shapingFace } from './face';
import { FONT_FILES, type FontName } from './font-files';

/**
 * The fonts made ready before the first document a person asks for: HarfBuzz compiled, each face read and its
 * common glyphs subset and deflated (common-glyphs.ts), all of which the first card, letter or case report of a
 * process paid while somebody waited (~350 ms of a 450 ms report here). One face a turn of the event loop, so a
 * call arriving meanwhile waits for one face at most. What it makes is what those documents use: nothing else
 * changes, and a failure here only means the first document does the work itself.
 */
export async function warmDocumentFonts(): Promise<void> {
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    await nextTurn();
    commonGlyphs(await shapingFace(name));
  }
}
