/**
 * A whole SQLite file's check on its own read-only connection in a worker thread: the desk keeps serving on the
 * main thread while every page of the file is read (seconds for a large one). The worker is source text: the
 * bundled host and the app have no worker file to point at.
 */
import { Worker } from 'node:worker_threads';

/** The check's own answer ('ok', or what it found), or why the file could not be read at all. */
export function checkFileInWorker(file: string, pragma: 'quick_check' | 'integrity_check'): Promise<string> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    let check;
    try {
      const db = new (require(workerData.driver))(workerData.file, { readonly: true, fileMustExist: true });
      try { check = String(db.pragma(workerData.pragma, { simple: true })); } finally { db.close(); }
    } catch (e) { check = e instanceof Error ? e.message : String(e); }
    parentPort.postMessage(check);`;
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { file, pragma, driver: require.resolve('better-sqlite3') } });
    worker.unref();
    worker.once('message', (check: string) => resolvePromise(check));
    worker.once('error', reject);
  });
}
