/** The last step of every demo photo: paint each pixel, then encode the picture as a JPEG. */
import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import type { DemoFile } from './demo-file';

/** A `width`×`height` JPEG (quality 85) whose pixel at (x, y) has the RGB colour `colourAt` gives, opaque. */
export function paintedJpeg(width: number, height: number, colourAt: (x: number, y: number) => readonly number[], fileName: string): DemoFile {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = colourAt(x, y);
      const i = (y * width + x) * 4;
      data[i] = c[0]!;
      data[i + 1] = c[1]!;
      data[i + 2] = c[2]!;
      data[i + 3] = 255;
    }
  }
  const bytes = new Uint8Array(jpeg.encode({ data, width, height }, 85).data);
  return { bytes, mime: 'image/jpeg', sha256: createHash('sha256').update(bytes).digest('hex'), fileName };
}
