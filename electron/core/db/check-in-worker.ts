/**
 * Whole-file work on a SQLite file's own read-only connection in a worker thread: the desk keeps serving on the main
 * thread while every page of the file is read (seconds for a large one). The worker is source text: the bundled host
 * and the app have no worker file to point at.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
  const { parentPort, workerData: w } = require('node:worker_threads');
  let answer;
  try {
    const db = new (require(w.driver))(w.file, { readonly: true, fileMustExist: true });
    try { answer = { value: w.pragma ? String(db.pragma(w.pragma, { simple: true })) : db.prepare(w.sql).all() }; } finally { db.close(); }
  } catch (e) { answer = { error: e instanceof Error ? e.message : String(e) }; }
  parentPort.postMessage(answer);`;

type Answer<T> = { value: T } | { error: string };

function inWorker<T>(file: string, work: { pragma: string } | { sql: string }): Promise<Answer<T>> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, ...work, driver: require.resolve('better-sqlite3') } });
    worker.unref();
    worker.once('message', (answer: Answer<T>) => resolvePromise(answer));
    worker.once('error', reject);
  });
}

/** The check's own answer ('ok', or what it found), or why the file could not be read at all. */
export async function checkFileInWorker(file: string, pragma: 'quick_check' | 'integrity_check'): Promise<string> {
  const answer = await inWorker<string>(file, { pragma });
  return 'error' in answer ? answer.error : answer.value;
}

/** The rows of one read-only statement over the whole file (a backup's list of its blobs). */
export async function readInWorker<T>(file: string, sql: string): Promise<T[]> {
  const answer = await inWorker<T[]>(file, { sql });
  if ('error' in answer) throw new Error(`${file}: ${answer.error}`);
  return answer.value;
}
