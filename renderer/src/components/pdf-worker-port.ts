import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js's worker, started by itself before pdf.js is loaded: its megabyte of script is fetched and compiled on
 * the worker's own thread while the user reads the page, at no cost to the page's thread. pdf.js takes it over
 * later (pdf-document.ts, `PDFWorker.create({ port })`); messages sent before it is ready wait in its queue.
 */
let started: Worker | null = null;
export function pdfWorkerPort(): Worker {
  started ??= new Worker(workerUrl, { type: 'module' });
  return started;
}
