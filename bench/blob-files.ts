/**
 * Attachments the size of real ones, made the same way on every run: scanned letters as PDFs of
 * 0.3–2 MB (a page holding a noise image, which compresses no better than a scan) and photos as
 * JPEGs of ~150 KB. Every file is different, so the content-addressed stores cannot fold them together.
 */
import { encode as encodeJpeg } from 'jpeg-js';

/** A small fast generator (mulberry32): the same seed, the same bytes. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function noise(next: () => number, bytes: number): Uint8Array {
  const words = new Uint32Array(Math.ceil(bytes / 4));
  for (let i = 0; i < words.length; i++) words[i] = next();
  return new Uint8Array(words.buffer, 0, bytes);
}

/**
 * A one-page "scanned letter" of about `bytes` bytes: the scan as an uncompressed grey image and a line
 * of text. Written directly (objects and cross-reference table): pdf-lib makes the same file ten times slower,
 * which for a few GB of attachments is minutes of the bench; bench/blob-files.test.ts opens them with pdf-lib.
 */
export function scannedLetterPdf(seed: number, bytes: number, title: string): Uint8Array {
  const next = seeded(seed);
  const width = 1240;
  const height = Math.max(1, Math.round(bytes / width));
  const scan = noise(next, width * height);
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/([()\\])/g, '\\$1');
  const content = `q 595 0 0 842 0 0 cm /Scan Do Q BT /F1 12 Tf 40 800 Td (${text}) Tj ET`;
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  const add = (p: string | Uint8Array) => {
    const b = typeof p === 'string' ? enc.encode(p) : p;
    parts.push(b);
    at += b.length;
  };
  const obj = (body: string) => {
    offsets.push(at);
    add(`${offsets.length} 0 obj\n${body}\nendobj\n`);
  };
  add('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  obj('<< /Type /Catalog /Pages 2 0 R >>');
  obj('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Scan 4 0 R >> /Font << /F1 6 0 R >> >> /Contents 5 0 R >>');
  offsets.push(at);
  add(
    `4 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${scan.length} >>\nstream\n`,
  );
  add(scan);
  add('\nendstream\nendobj\n');
  obj(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  obj('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  obj(`<< /Title (${text}) /Producer (Mumaris Review Desk bench) /CreationDate (D:20260115090000Z) >>`);
  const xref = at;
  add(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  add(`trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(at);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Photos: a few made by jpeg-js (a face-sized gradient with sensor noise, ~150 KB at quality 85), each
 * request's copy made its own by a JPEG comment segment naming it, as cameras and portals add.
 */
export function photoMaker(kinds = 4): (seed: number, label: string) => Uint8Array {
  const base = Array.from({ length: kinds }, (_, k) => {
    const next = seeded(1000 + k);
    const w = 480;
    const h = 600;
    const rgba = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        const n = (next() & 0x5f) - 48;
        rgba[i] = Math.max(0, Math.min(255, 120 + (x * 90) / w + n));
        rgba[i + 1] = Math.max(0, Math.min(255, 100 + (y * 80) / h + n));
        rgba[i + 2] = Math.max(0, Math.min(255, 90 + k * 10 + n));
        rgba[i + 3] = 255;
      }
    return new Uint8Array(encodeJpeg({ data: rgba, width: w, height: h }, 85).data);
  });
  return (seed, label) => {
    const jpeg = base[seed % kinds]!;
    const comment = new TextEncoder().encode(`${label} #${seed}`);
    const segment = new Uint8Array(4 + comment.length);
    segment.set([0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff]);
    segment.set(comment, 4);
    // SOI, then the comment, then the rest of the file as it was.
    const out = new Uint8Array(jpeg.length + segment.length);
    out.set(jpeg.subarray(0, 2));
    out.set(segment, 2);
    out.set(jpeg.subarray(2), 2 + segment.length);
    return out;
  };
}
