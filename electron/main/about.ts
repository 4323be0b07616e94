/**
 * Help > About: the version, the database this desk works on (a PostgreSQL password never shown), and
 * the licences of what the app carries: the fonts (SIL Open Font License, resources/public/fonts) and
 * the libraries in package.json, each with the licence its own package.json declares.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { word, type MenuLang } from './menu-words';

const FONTS = 'Noto Sans, Noto Sans Arabic — SIL Open Font License 1.1 (fonts/OFL.txt)';
/** The OCR models the desk carries (resources/ocr/README.md). */
const OCR_MODELS = 'Tesseract Arabic and English models (tessdata_fast, via Debian) — Apache-2.0 (ocr/LICENSE)';

/** "name — licence" for each runtime library, read from the installed packages (unknown when absent). */
export function libraryNotices(appDir: string): string[] {
  let deps: Record<string, string> = {};
  try {
    deps = (JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
  } catch {
    return [];
  }
  return Object.keys(deps)
    .sort()
    .map((name) => {
      const file = join(appDir, 'node_modules', name, 'package.json');
      let licence = '?';
      if (existsSync(file)) {
        try {
          const l = (JSON.parse(readFileSync(file, 'utf8')) as { license?: unknown }).license;
          if (typeof l === 'string') licence = l;
        } catch {
          // An unreadable package file leaves the licence unknown; the About box still opens.
        }
      }
      return `${name} — ${licence}`;
    });
}

/** Hides the password of a postgres:// address. */
export const shownDatabase = (address: string): string => address.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1•••@');

export function aboutText(o: { lang: MenuLang; version: string; database: string; libraries: readonly string[] }): {
  title: string;
  message: string;
  detail: string;
} {
  const w = (k: Parameters<typeof word>[1]) => word(o.lang, k);
  return {
    title: w('about'),
    message: `${w('appName')}\n${w('version')} ${o.version}`,
    detail: [`${w('database')}: ${shownDatabase(o.database)}`, '', `${w('licences')}:`, FONTS, OCR_MODELS, ...o.libraries].join('\n'),
  };
}
