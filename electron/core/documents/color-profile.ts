import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fontsFolder } from './text/font-files';

const FILE = 'sRGB.icc';

/**
 * The sRGB ICC profile every PDF names as its output intent (resources/public/color, zlib licence,
 * README beside it). It travels the way the fonts do: beside the sources, or in the built renderer
 * (out/renderer/color, also inside a packaged app), so nothing has to be installed to make a PDF/A.
 */
function colorFolder(): string {
  const candidates = [
    join(fontsFolder(), '..', 'color'),
    resolve(__dirname, '..', '..', '..', 'resources', 'public', 'color'),
    resolve(__dirname, '..', 'renderer', 'color'),
    resolve(__dirname, '..', '..', 'resources', 'public', 'color'),
  ];
  const found = candidates.find((c) => existsSync(join(c, FILE)));
  if (!found) throw new Error(`the sRGB colour profile (${FILE}) is missing; looked in: ${candidates.join(', ')}`);
  return found;
}

let profile: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
  profile ??= new Uint8Array(readFileSync(join(colorFolder(), FILE)));
  return profile;
}
