import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The bundled fonts (OFL, resources/public/fonts): Arabic text in Noto Sans Arabic, everything else in Noto Sans. */
export const FONT_FILES = {
  arabic: 'NotoSansArabic-Regular.ttf',
  arabicBold: 'NotoSansArabic-Bold.ttf',
  latin: 'NotoSans-Regular.ttf',
  latinBold: 'NotoSans-Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

/**
 * Where the fonts are: beside the sources (tests, the command line, the host) or beside the built
 * renderer (out/renderer/fonts, also inside a packaged app). MUMARIS_FONTS overrides both.
 */
export function fontsFolder(): string {
  const candidates = [
    process.env.MUMARIS_FONTS,
    resolve(__dirname, '..', '..', '..', '..', 'resources', 'public', 'fonts'),
    resolve(__dirname, '..', 'renderer', 'fonts'),
    resolve(__dirname, '..', '..', 'resources', 'public', 'fonts'),
  ].filter((c): c is string => Boolean(c));
  const found = candidates.find((c) => existsSync(join(c, FONT_FILES.arabic)));
  if (!found) throw new Error(`the bundled fonts are missing; looked in: ${candidates.join(', ')}`);
  return found;
}

const cache = new Map<FontName, Uint8Array>();

export function fontBytes(name: FontName): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(fontsFolder(), FONT_FILES[name])));
    cache.set(name, bytes);
  }
  return bytes;
}
