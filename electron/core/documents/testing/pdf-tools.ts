/** Poppler and qpdf, for tests and checks that read back the PDFs the desk makes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text pdftotext reads from a PDF (its bidi embedding marks removed), NFKC-normalised. */
export function pdfText(pdf: Uint8Array, opts: { layout?: boolean; page?: number } = {}): string {
  const args = [
    ...(opts.layout ? ['-layout'] : []),
    ...(opts.page ? ['-f', String(opts.page), '-l', String(opts.page)] : []),
    '-enc',
    'UTF-8',
    '-',
    '-',
  ];
  const r = spawnSync('pdftotext', args, { input: pdf, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`pdftotext is not installed (apt-get install poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr.toString()}`);
  return r.stdout.toString('utf8').replace(BIDI_MARKS, '').normalize('NFKC');
}

/** qpdf --check: exit 0 and no warnings. */
export function qpdfCheck(pdf: Uint8Array): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'desk-qpdf-'));
  const file = join(dir, 'check.pdf');
  writeFileSync(file, pdf);
  const r = spawnSync('qpdf', ['--check', file]);
  rmSync(dir, { recursive: true, force: true });
  if (r.error) throw new Error(`qpdf is not installed (apt-get install qpdf): ${r.error.message}`);
  const output = `${r.stdout.toString()}${r.stderr.toString()}`;
  return { ok: r.status === 0 && !/WARNING/i.test(output), output };
}

/** Page sizes in points, from pdfinfo. */
export function pageSizes(pdf: Uint8Array): Array<{ width: number; height: number }> {
  const r = spawnSync('pdfinfo', ['-f', '1', '-l', '100000', '-'], { input: pdf });
  if (r.error) throw new Error(`pdfinfo is not installed: ${r.error.message}`);
  return [...r.stdout.toString().matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** One line per font of the document, as pdffonts lists them (name, type, encoding, embedded, subset, ToUnicode). */
export function pdffonts(pdf: Uint8Array): string[] {
  const r = spawnSync('pdffonts', ['-'], { input: pdf });
  if (r.error) throw new Error(`pdffonts is not installed: ${r.error.message}`);
  return r.stdout
    .toString()
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
}

/** The QR codes zbarimg reads off one page drawn at `dpi` (pdftoppm), as a scanner at the counter would. */
export function scannedQr(pdf: Uint8Array, page: number, dpi = 300): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'desk-qr-'));
  try {
    const drawn = spawnSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-', join(dir, 'page')], {
      input: pdf,
    });
    if (drawn.error) throw new Error(`pdftoppm is not installed (apt-get install poppler-utils): ${drawn.error.message}`);
    const r = spawnSync('zbarimg', ['--quiet', '--raw', '-Sqrcode.enable', join(dir, 'page.png')]);
    if (r.error) throw new Error(`zbarimg is not installed (apt-get install zbar-tools): ${r.error.message}`);
    return r.stdout
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
