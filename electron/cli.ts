/**
 * `npm run --silent desk -- <command>`: the desk's services without a window
 * (formats.md). Exit 0 on success, 2 on bad input, 1 on any other failure.
 */
import { parseArgs } from 'node:util';
import { basename, resolve } from 'node:path';
import { openDesk, type Desk } from './core/desk';
import { moveBlobsOut } from './core/blobs/move-out';
import { verifyBlobs } from './core/blobs/verify';
import { collectGarbage } from './core/blobs/gc';
import { defaultDataFolder } from './core/data-folder';
import { chooseDatabase } from './core/desk-settings';
import { isPostgresUrl } from './core/db/location';
import { DeskFault } from './core/errors';
import { drawCpdSample } from './core/cpd/draw-sample';
import { seedDemo, DEMO_PASSWORD } from './core/demo/seed';
import { verifyDatabaseAudit } from './core/audit/verify-database';
import { checkpointNow } from './core/audit/desk-checkpoints';
import { backupTo } from './core/backup';
import { restoreBackup } from './core/backup-set';
import { runBackup } from './core/backups';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { importReconciliationFile } from './core/finance/payments-import';
import { retryLostRaces } from './core/db/lost-races';
import { paymentImportSummary } from './core/finance/payment-import-summary';
import { MAX_RECONCILIATION_BYTES, ReconciliationFileError, where } from './core/finance/reconciliation-file';
import { confirmPrints } from './core/cards/print-centre';
import { caseReport } from './core/reports/case-report';
import { runExport } from './core/reports/export';
import { contract } from '../shared/contract';
import type { UserInfo } from '../shared/domain';

/** The command line works as an administrator would (no session): audit entries name no user. */
const COMMAND_LINE_USER: UserInfo = { id: 0, username: 'command-line', displayName: 'desk (command line)', roles: ['admin'] };
import { verificationSummary, verifyCard } from './core/cards/verify-card';
import { riyadhDate } from './core/cases/working-days';
import { currentPolicy } from './core/policy';
import { readBundle } from './core/intake/read-bundle';
import { validateBundle } from './core/intake/validate-bundle';
import { factsFromBundle } from './core/intake/facts';
import { BundleError } from './core/intake/bundle-error';
import { importBundles } from './core/intake/import-batch';
import { sweepReturnWindows, sweepUnpaidInvoices } from './core/cases/sweep';
import { checkEligibility } from './core/rules/eligibility';
import { checkBundleSignals, signalsAsText } from './core/signals/check-bundle';
import { computeRefund } from './core/rules/refund';
import { firstIssue, refundFactsSchema } from './core/rules/refund-facts.schema';

class UsageError extends Error {}

const USAGE = `usage: desk <command> [--db FILE|postgres://…] [--json]
  (without --db: MUMARIS_DB, else the database saved on the Settings page, else the default file)
  seed --cases N [--seed S]   fill the database with N demo requests (and demo users)
  audit verify [--checkpoint FILE] [--key PUBLIC.pem]
                              check the audit chain (read-only: writes nothing) and compare it with a
                              signed checkpoint (the newest kept for the database by default); names
                              the first broken entry, a rewritten entry or the entries missing at the end
  audit checkpoint            write a signed checkpoint of the audit chain's head now
  backup                      a backup set in the backups folder beside the database: its online backup
                              and the attachment blobs it names, sharing those of the previous set
  backup --out FILE           online backup of the database file alone (attachments stay in its blob folder)
  blobs migrate [--batch N]   move attachments' bytes out of the database into the desk's blob store
                              (beside a SQLite file; the S3 bucket of a team desk), N per batch; can be
                              stopped at any moment and run again; the database shrinks at the end
  blobs verify                check that every attachment's blob is present and whole
  blobs gc --grace-days N     remove blobs no attachment names, stored more than N days ago
  restore SET|FILE            replace the database with a checked backup (a set is refused unless every
                              attachment blob it names is in it and whole)
  check --input BUNDLE        run the eligibility checks and the integrity signals (against this database)
                              on a bundle (folder or .zip) without importing it
  refund --input FILE|-       compute a refund from RefundFacts (rules.md)
  import PATH...              import request bundles (folders or .zip); a bad bundle is reported, the rest go on
  payments import FILE.csv    import a payment gateway's reconciliation file (formats.md); prints matched,
                              unmatched, duplicate and refused lines; a malformed line refuses the whole file
  sweep                       reject returned requests whose response window has passed, and requests unpaid by their invoice's due date
  cpd-sample --month YYYY-MM [--seed S]   draw the CPD audit sample of the period holding that month (the seed is recorded)
  card --reference REF --out FILE.pdf [--layout cr80|a4]
                              print the card of an approved, paid request (issues its number on first print)
  verify-card PAYLOAD         check a card's or a letter's QR payload: valid, expired, void or forged
  card-key --out FILE         export the public key that verifies this installation's cards
  export --format csv|xlsx|pdf --out FILE [--queue Q] [--service S] [--status S] [--search TEXT]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang ar|en]
                              export a queue view (all requests by default)
  export --format pdf --reference REF --out FILE [--lang ar|en] [--copy staff|applicant]
                              the case report of one request`;

function intOption(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  if (!/^[0-9]+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      cases: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      input: { type: 'string' },
      reference: { type: 'string' },
      layout: { type: 'string' },
      reason: { type: 'string' },
      format: { type: 'string' },
      queue: { type: 'string' },
      service: { type: 'string' },
      status: { type: 'string' },
      search: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      lang: { type: 'string' },
      copy: { type: 'string' },
      checkpoint: { type: 'string' },
      key: { type: 'string' },
      batch: { type: 'string' },
      'grace-days': { type: 'string' },
      month: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const folder = defaultDataFolder();
  const chosen = chooseDatabase({ commandLine: values.db, folder });
  const file = chosen.address;
  const print = (json: unknown, human: string) => console.log(values.json ? JSON.stringify(json, null, 2) : human);

  if (command === 'restore') {
    if (isPostgresUrl(file))
      throw new UsageError('restore replaces a SQLite file; a PostgreSQL database is restored with pg_restore on its server (README)');
    const backup = rest[0];
    if (!backup) throw new UsageError('restore needs the backup file: desk restore FILE');
    const r = await restoreBackup(resolve(backup), file);
    print(
      { restored: file, previous: r.previous },
      `restored ${file} from ${backup}${r.previous ? ` (the previous file is kept as ${r.previous})` : ''}`,
    );
    return 0;
  }

  if (command === 'audit' && rest[0] === 'verify') {
    // Opened read-only, not through openDesk (which migrates, makes a key and records it): a check writes nothing.
    const r = await verifyDatabaseAudit({ address: file, checkpointFile: values.checkpoint, keyFile: values.key, deskFolder: folder });
    const against = r.checkpoint ? `\ncheckpoint ${r.checkpoint.file ?? ''}: ${r.checkpoint.message}` : '\n(no checkpoint to compare with)';
    print(r, `${r.ok ? `audit chain ok: ${r.entries} entries` : `audit chain BROKEN at entry ${r.brokenAt}: ${r.reason}`}${against}`);
    return r.ok ? 0 : 1;
  }

  const desk = await openDesk(file, { source: chosen.source, settingsFolder: folder });
  try {
    switch (command) {
      case 'seed': {
        const cases = intOption(values.cases, 'cases');
        const seed = intOption(values.seed, 'seed', 1);
        const t0 = performance.now();
        const r = await seedDemo(desk.db, desk.clock, { cases, seed, signer: desk.cardSigner, blobs: desk.blobs });
        const seconds = (performance.now() - t0) / 1000;
        print(
          { ...r, seed, seconds, database: desk.database.describe },
          `seeded ${r.requests} requests (seed ${seed}) in ${seconds.toFixed(1)} s into ${desk.database.describe}\ndemo users: admin, reviewer1, reviewer2, approver1, finance1, finance2, clerk1 — password ${DEMO_PASSWORD}`,
        );
        return 0;
      }
      case 'audit': {
        if (rest[0] !== 'checkpoint') throw new UsageError('usage: desk audit verify | desk audit checkpoint');
        const cp = await checkpointNow(desk);
        if (!cp) throw new UsageError('this database keeps no checkpoints (an in-memory database)');
        print(cp, `checkpoint of entry ${cp.seq} (${cp.at}) written to ${cp.file}`);
        return 0;
      }
      case 'backup': {
        if (!values.out) {
          if (!desk.backupFolder) throw new UsageError('this database has no backups folder (PostgreSQL: pg_dump; in memory: none): use --out FILE');
          const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
          const kept = await runBackup(desk, desk.backupFolder, policy.backupKeep, null);
          print(kept[0], `backup set written to ${kept[0]!.file} (${(kept[0]!.bytes / 1024 / 1024).toFixed(1)} MB new)`);
          return 0;
        }
        // Every backup goes with a signed checkpoint of the chain, taken first (the backup holds at least that head).
        await checkpointNow(desk);
        const r = await backupTo(desk.opened, resolve(values.out));
        print(r, `backup written to ${r.file} (${r.pages} pages)`);
        return 0;
      }
      case 'blobs':
        return await blobsCommand(desk, rest[0], { batch: values.batch, graceDays: values['grace-days'], json: values.json ?? false });
      case 'check': {
        if (!values.input) throw new UsageError('check needs --input BUNDLE');
        const { policy, version } = await currentPolicy(desk.db, desk.clock.now().toISOString());
        const bundle = validateBundle(
          await readBundle(resolve(values.input), { maxFileBytes: policy.maxAttachmentBytes, maxBundleBytes: 10 * policy.maxAttachmentBytes }),
        );
        const results = checkEligibility(factsFromBundle(bundle.request), policy);
        // The integrity signals judge the bundle against the database as it is (duplicates, reused files).
        const signals = await checkBundleSignals(desk.db, policy, bundle);
        print(
          { bundle: bundle.name, service: bundle.request.service, policyVersion: version, sample: policy.sample, results, signals },
          results.map((r) => `${r.outcome.padEnd(14)} ${r.rule.padEnd(16)} ${r.explanation.en}`).join('\n') +
            `\n\nsignals:\n${signalsAsText(signals)}`,
        );
        return 0;
      }
      case 'refund': {
        if (!values.input) throw new UsageError('refund needs --input FILE (or - for standard input)');
        const textIn = values.input === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(values.input), 'utf8');
        let json: unknown;
        try {
          json = JSON.parse(textIn);
        } catch (e) {
          throw new UsageError(`the input is not JSON: ${(e as Error).message}`);
        }
        const parsed = refundFactsSchema.safeParse(json);
        if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
        const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
        const result = computeRefund(parsed.data, policy);
        // The result is JSON whatever --json says: formats.md makes RefundResult the output.
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      case 'import': {
        if (rest.length === 0) throw new UsageError('import needs at least one bundle: desk import PATH...');
        const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
        const t0 = performance.now();
        const results = await importBundles(
          desk.db,
          desk.clock,
          policy,
          rest.map((p) => resolve(p)),
          (done, total, last) => {
            if (!values.json)
              console.error(
                last.ok
                  ? `[${done}/${total}] ${last.bundle}: ${last.resubmission ? 'resubmission of' : 'imported as'} ${last.reference}`
                  : `[${done}/${total}] ${last.bundle}: REFUSED`,
              );
          },
          desk.blobs,
        );
        const bad = results.filter((r) => !r.ok);
        const seconds = (performance.now() - t0) / 1000;
        print(
          { imported: results.length - bad.length, refused: bad.length, seconds, results },
          [
            ...bad.flatMap((r) => (r.ok ? [] : r.problems.map((p) => `${r.bundle}: ${p.where}: ${p.message}`))),
            `${results.length - bad.length} imported, ${bad.length} refused, in ${seconds.toFixed(1)} s`,
          ].join('\n'),
        );
        return bad.length > 0 ? 2 : 0;
      }
      case 'payments': {
        if (rest[0] !== 'import' || !rest[1]) throw new UsageError('usage: desk payments import FILE.csv');
        const path = resolve(rest[1]);
        // Refused before it is read into memory; the parser says the same of content it is handed.
        const size = (() => {
          try {
            return statSync(path).size;
          } catch {
            throw new UsageError(`cannot read ${rest[1]}: no such file`);
          }
        })();
        if (size > MAX_RECONCILIATION_BYTES) throw new UsageError(`${rest[1]} is larger than ${MAX_RECONCILIATION_BYTES / 1024 / 1024} MiB`);
        const name = basename(path);
        try {
          const bytes = readFileSync(path);
          // Another desk settling the same invoices at this moment may make PostgreSQL abort one of the two: try again.
          const r = await retryLostRaces(() =>
            importReconciliationFile(desk.db, { actorId: null, now: () => desk.clock.now(), signer: desk.cardSigner }, name, bytes),
          );
          print({ ...r, refused: 0 }, paymentImportSummary(r));
          return 0;
        } catch (e) {
          if (!(e instanceof ReconciliationFileError)) throw e;
          // The whole file refused, every bad line named; nothing was written.
          for (const p of e.problems) console.error(`desk: ${name}: ${where('en')(p)}`);
          console.error(`desk: ${name} was refused: ${e.problems.length} problem(s); nothing was imported`);
          if (values.json) console.log(JSON.stringify({ fileName: name, refused: e.problems.length, problems: e.problems }, null, 2));
          return 2;
        }
      }
      case 'cpd-sample': {
        if (!values.month) throw new UsageError('cpd-sample needs --month YYYY-MM (any month of the period)');
        if (values.seed !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(values.seed))
          throw new UsageError('--seed: letters, digits, _ and - (1 to 64)');
        const s = await drawCpdSample(
          desk.db,
          { user: null, clock: desk.clock, blobs: desk.blobs },
          { month: values.month, ...(values.seed ? { seed: values.seed } : {}) },
        );
        print(
          s,
          `CPD audit sample ${s.periodStart}…${s.periodEnd}, seed ${s.seed}: ${s.sampled} of ${s.population} renewals drawn, ${s.triggered} flagged`,
        );
        return 0;
      }
      case 'sweep': {
        const returns = await sweepReturnWindows(desk.db, desk.clock);
        const invoices = await sweepUnpaidInvoices(desk.db, desk.clock);
        const list = (refs: string[]) => (refs.length ? `: ${refs.join(', ')}` : '');
        print(
          { noResponse: returns.rejected, unpaid: invoices.rejected, unpaidPartlyPaid: invoices.partlyPaid },
          [
            `${returns.rejected.length} returned request(s) rejected for no response${list(returns.rejected)}`,
            `${invoices.rejected.length} request(s) rejected as unpaid by the due date${list(invoices.rejected)}`,
            ...(invoices.partlyPaid.length ? [`partly paid, their money waits in the Refunds queue${list(invoices.partlyPaid)}`] : []),
          ].join('\n'),
        );
        return 0;
      }
      case 'card': {
        if (!values.reference) throw new UsageError('card needs --reference REF');
        if (!values.out) throw new UsageError('card needs --out FILE.pdf');
        const layout = values.layout ?? 'cr80';
        if (layout !== 'cr80' && layout !== 'a4') throw new UsageError(`--layout must be cr80 or a4, not "${layout}"`);
        const req = await desk.db.selectFrom('requests').select(['id', 'version']).where('reference', '=', values.reference).executeTakeFirst();
        if (!req) throw new UsageError(`no request has the reference ${values.reference}`);
        // Printing from the command line is a confirmed print: the number is issued and the print recorded.
        const r = await confirmPrints(desk.db, { actorId: null, clock: desk.clock, blobs: desk.blobs }, desk.cardSigner, {
          items: [req],
          layout,
          ...(values.reason ? { reprintReason: values.reason } : {}),
        });
        if (!r.pdf) {
          const why = r.refused[0]!;
          throw new DeskFault('bad_input', why.message, why.messageAr);
        }
        writeFileSync(resolve(values.out), r.pdf);
        print(
          { reference: values.reference, card: r.cards[0], out: resolve(values.out), bytes: r.pdf.length },
          `card ${r.cards[0]} written to ${values.out}`,
        );
        return 0;
      }
      case 'verify-card': {
        const payload = rest.join(' ');
        if (!payload) throw new UsageError('verify-card needs the QR payload: desk verify-card PAYLOAD');
        const v = await verifyCard(desk.db, desk.cardSigner, payload, riyadhDate(desk.clock.now()));
        print(v, verificationSummary(v));
        return v.verdict === 'valid' ? 0 : 1;
      }
      case 'export': {
        if (!values.out) throw new UsageError('export needs --out FILE');
        const format = values.format ?? 'csv';
        if (!['csv', 'xlsx', 'pdf'].includes(format)) throw new UsageError(`--format must be csv, xlsx or pdf, not "${format}"`);
        const lang = values.lang ?? 'ar';
        if (lang !== 'ar' && lang !== 'en') throw new UsageError(`--lang must be ar or en, not "${lang}"`);
        const out = resolve(values.out);
        if (values.reference) {
          if (format !== 'pdf') throw new UsageError('a case report (--reference) is a PDF: use --format pdf');
          const copy = values.copy ?? 'staff';
          if (copy !== 'staff' && copy !== 'applicant') throw new UsageError(`--copy must be staff or applicant, not "${copy}"`);
          const req = await desk.db.selectFrom('requests').select('id').where('reference', '=', values.reference).executeTakeFirst();
          if (!req) throw new UsageError(`no request has the reference ${values.reference}`);
          const r = await caseReport(desk.db, COMMAND_LINE_USER, desk.clock.now(), { id: req.id, lang, copy });
          writeFileSync(out, r.pdf);
          print({ reference: values.reference, out, bytes: r.pdf.length }, `case report of ${values.reference} written to ${out}`);
          return 0;
        }
        const parsed = contract['exports.start'].args.safeParse({
          format,
          lang,
          queue: values.queue ?? 'all',
          ...(values.service ? { service: values.service } : {}),
          ...(values.status ? { status: values.status } : {}),
          ...(values.search ? { search: values.search } : {}),
          ...(values.from ? { submittedFrom: values.from } : {}),
          ...(values.to ? { submittedTo: values.to } : {}),
        });
        if (!parsed.success) throw new UsageError(firstIssue(parsed.error));
        const { format: f, lang: l, ...query } = parsed.data;
        const t0 = performance.now();
        const r = await runExport(desk.db, COMMAND_LINE_USER, { format: f, lang: l, query }, out, desk.clock.now(), (done, total) => {
          if (!values.json) process.stderr.write(`\r${done} / ${total}`);
        });
        if (!values.json) process.stderr.write('\n');
        const seconds = (performance.now() - t0) / 1000;
        print({ rows: r.rows, out, seconds }, `${r.rows} requests exported to ${out} in ${seconds.toFixed(1)} s`);
        return 0;
      }
      case 'card-key': {
        if (!values.out) throw new UsageError('card-key needs --out FILE');
        writeFileSync(resolve(values.out), desk.cardSigner.publicKeyPem);
        print({ out: resolve(values.out), algorithm: 'Ed25519' }, `public key (Ed25519) written to ${values.out}`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    }
  } finally {
    await desk.close();
  }
}

/** `desk blobs migrate | verify | gc`: the attachments' blob store (electron/core/blobs). */
async function blobsCommand(desk: Desk, sub: string | undefined, o: { batch?: string; graceDays?: string; json: boolean }): Promise<number> {
  const out = (json: unknown, human: string) => console.log(o.json ? JSON.stringify(json, null, 2) : human);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  switch (sub) {
    case 'migrate': {
      const t0 = performance.now();
      const r = await moveBlobsOut(desk.db, desk.blobs, {
        batch: intOption(o.batch, 'batch', 200),
        onProgress: (p) => {
          if (!o.json) console.error(`${p.moved} / ${p.total} blobs moved to the ${desk.blobs.kind} store (${mb(p.bytes)})`);
        },
      });
      const freed = r.vacuum ? r.vacuum.before - r.vacuum.after : 0;
      out(
        { ...r, seconds: (performance.now() - t0) / 1000 },
        `${r.moved} blob(s) (${mb(r.bytes)}) moved to the ${r.store} store` +
          (r.vacuum ? `; database ${mb(r.vacuum.before)} -> ${mb(r.vacuum.after)} (${mb(freed)} freed)` : ''),
      );
      return 0;
    }
    case 'verify': {
      const r = await verifyBlobs(desk.db, desk.blobs, (n) => {
        if (!o.json && n % 5000 === 0) console.error(`${n} checked`);
      });
      out(
        r,
        [
          ...r.problems.map(
            (p) =>
              `${p.problem.toUpperCase()} ${p.sha256} (${p.stored}): ${p.usedBy.map((u) => `${u.reference} ${u.fileName}`).join(', ') || 'no attachment uses it'}`,
          ),
          `${r.checked} blob(s) checked (${r.inDatabase} in the database, ${r.inStore} in the ${desk.blobs.kind} store, ${mb(r.bytes)}): ${r.problems.length} problem(s)`,
        ].join('\n'),
      );
      return r.problems.length === 0 ? 0 : 1;
    }
    case 'gc': {
      const graceDays = intOption(o.graceDays, 'grace-days');
      const r = await collectGarbage(desk.db, desk.blobs, { graceDays, now: desk.clock.now() });
      out(
        r,
        `${r.examined} blob(s) examined in the ${r.store} store: ${r.removed} unused removed (${mb(r.bytesFreed)}), ${r.young} unused kept (younger than ${graceDays} days), ${r.temporaries} temporary file(s) removed`,
      );
      return 0;
    }
    default:
      throw new UsageError('usage: desk blobs migrate [--batch N] | desk blobs verify | desk blobs gc --grace-days N');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof BundleError) {
      for (const p of e.problems) console.error(`desk: ${e.bundle}: ${p.where}: ${p.message}`);
      process.exit(2);
    }
    if (
      e instanceof UsageError ||
      (e instanceof DeskFault && e.code === 'bad_input') ||
      (e as { code?: string }).code?.startsWith?.('ERR_PARSE_ARGS')
    ) {
      console.error(`desk: ${(e as Error).message}`);
      process.exit(2);
    }
    console.error(`desk: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
