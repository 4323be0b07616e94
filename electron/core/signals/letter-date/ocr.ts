/**
 * OCR of scanned letters with tesseract.js, in its own worker thread (the desk's thread only posts the
 * image and waits). Arabic and English together, from the models bundled in resources/ocr (Debian's
 * tessdata_fast, LSTM only): nothing is downloaded, nothing is written beside the desk (no language cache).
 * One worker, one page at a time, stopped when idle so its memory goes back.
 */
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { bundledFolder } from '../../desk/bundled-resources';

export const OCR_LANGUAGES = 'ara+eng';
/** The worker is stopped this long after its last page (reading it back takes a second or two). */
const IDLE_MS = 60_000;

/**
 * tesseract.js's worker script, from node_modules (it loads the wasm core beside it, tesseract.js-core). In a
 * packaged app both stay in the asar: Electron reads asar files from worker threads (since Electron 18).
 */
const workerScript = (): string => join(dirname(require.resolve('tesseract.js/package.json')), 'src', 'worker-script', 'node', 'index.js');

let worker: Promise<Worker> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let idle: NodeJS.Timeout | null = null;

function startWorker(): Promise<Worker> {
  const started = createWorker(OCR_LANGUAGES, OEM.LSTM_ONLY, {
    langPath: bundledFolder('ocr', 'ara.traineddata.gz'),
    gzip: true,
    cacheMethod: 'none',
    workerPath: workerScript(),
    // Errors reach the caller through the rejected recognize(); nothing is printed from the worker.
    errorHandler: () => undefined,
  });
  // A worker that failed to start is not kept: the next page tries again.
  started.catch(() => {
    if (worker === started) worker = null;
  });
  return started;
}

/** The text tesseract reads on one image (JPEG or PNG bytes), lines separated by newlines. */
export function recogniseText(image: Uint8Array): Promise<string> {
  const job = queue.then(async () => {
    if (idle) clearTimeout(idle);
    worker ??= startWorker();
    try {
      const { data } = await (await worker).recognize(Buffer.from(image));
      return data.text;
    } finally {
      idle = setTimeout(() => void stopOcr(), IDLE_MS);
      idle.unref();
    }
  });
  queue = job.catch(() => undefined);
  return job;
}

/** Stops the worker (tests, the desk closing); the next page starts a new one. */
export async function stopOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const w = worker;
  worker = null;
  if (w) await (await w.catch(() => null))?.terminate();
}
