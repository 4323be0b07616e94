/**
 * Serves the desk to a browser: `npm start` without Electron's binary, and the
 * browser tests. Options: --db FILE|postgres://…, --port N (0 = any), --demo (seed an empty database; the outbox is
 * captured to <data folder>/outbox-capture instead of sent).
 * Without --db: MUMARIS_DB, else the database saved on the Settings page, else the default file.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDesk } from '../core/desk/open-desk';
import { defaultDataFolder } from '../core/desk/data-folder';
import { chooseDatabase } from '../core/desk/settings-file';
import { startHost } from './server';
import { startBackgroundJobs } from '../core/desk/background-jobs';
import { fileForTicket } from '../core/files/attachment-file';
import { startupFailureMessage } from '../core/backups/scheduled-backups';
import { stopWhenDamaged, wholeFileChecked } from '../core/desk/whole-file-check';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: process.env.MUMARIS_PORT ?? '0' },
    demo: { type: 'boolean', default: false },
    'demo-cases': { type: 'string', default: '1500' },
    token: { type: 'string' },
  },
});

async function main() {
  const folder = defaultDataFolder();
  const chosen = chooseDatabase({ commandLine: values.db, folder });
  const file = chosen.address;
  const t0 = performance.now();
  // A damaged database is never wiped or replaced silently: say what happened and which backup would restore it.
  const opening = openDesk(file, { source: chosen.source, settingsFolder: folder, checkLater: true }).then(
    (desk) => ({ desk }),
    (error: unknown) => ({ error }),
  );
  // The desk's handlers (most of its code) load while worker threads check the database's tables: both cores at work.
  const [{ createHandlers }, { createDispatch }] = await Promise.all([import('../core/handlers'), import('../core/dispatch')]);
  const opened = await opening;
  if ('error' in opened) throw new Error(startupFailureMessage(file, opened.error));
  const { desk } = opened;
  // The attachments' pages are checked while the desk serves (core/desk/whole-file-check.ts): damage there stops it the same way.
  stopWhenDamaged(desk, (e) => {
    console.error(`desk host: ${startupFailureMessage(file, e)}`);
    process.exit(1);
  });
  const rendererDir = resolve(join(__dirname, '..', '..', 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    // The database first: a damaged one matters more than an unbuilt renderer, so its whole-file check is awaited.
    await wholeFileChecked(desk);
    throw new Error(`the renderer is not built (${rendererDir}); run npm run build`);
  }
  const demoCases = Number(values['demo-cases']);
  // The demo's seeding (pdf-lib, the fonts, the OCR letters) is loaded only when a demo is asked for.
  desk.loadDemo = async () => {
    const { seedDemo } = await import('../core/demo/seed');
    await seedDemo(desk.db, desk.clock, { cases: demoCases, seed: 1, signer: desk.cardSigner, blobs: desk.blobs });
  };
  if (values.demo && !(await desk.db.selectFrom('requests').select('id').limit(1).executeTakeFirst())) {
    console.log(`loading ${demoCases} demo requests…`);
    await desk.loadDemo();
  }
  // A demo desk never writes to anyone: its outbox goes to files a person can open (delivery/capture-transport.ts).
  if (values.demo) desk.deliveryCapture = join(folder, 'outbox-capture');
  const stopJobs = startBackgroundJobs(desk);
  const host = await startHost({
    dispatch: createDispatch(createHandlers(desk), desk),
    readFile: (ticket, key) => fileForTicket(desk, ticket, key),
    rendererDir,
    port: Number(values.port),
    token: values.token,
  });
  console.log(`Mumaris Review Desk is served at:\n\n  ${host.url}\n`);
  console.log(`database: ${desk.database.describe}`);
  if (values.demo) {
    const { DEMO_PASSWORD } = await import('../core/demo/seed');
    console.log(`demo users: admin, reviewer1, reviewer2, approver1, finance1, finance2, clerk1 — password: ${DEMO_PASSWORD}`);
  }
  if (desk.deliveryCapture) console.log(`e-mails and SMS are captured, not sent: ${desk.deliveryCapture}`);
  console.log(`ready in ${Math.round(performance.now() - t0)} ms; Ctrl+C stops it.`);
  const stop = async () => {
    stopJobs();
    await host.close();
    await desk.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(`desk host: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
