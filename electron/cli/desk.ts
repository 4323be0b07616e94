/**
 * `npm run --silent desk -- <command>`: the desk's services without a window (formats.md), compiled to
 * out/cli/desk.js. Parses the command line, opens the desk and hands it to the command (one file per
 * command in commands/). Exit 0 on success, 2 on bad input, 1 on any other failure.
 */
import { openDesk } from '../core/desk/open-desk';
import { defaultDataFolder } from '../core/desk/data-folder';
import { chooseDatabase } from '../core/desk/settings-file';
import { DeskFault } from '../core/errors';
import { BundleError } from '../core/intake/bundle-error';
import { parseCommandLine, type Command } from './command-line';
import { USAGE, UsageError } from './usage';
import { restore } from './commands/restore';
import { auditCheckpoint, auditVerify } from './commands/audit';
import { seed } from './commands/seed';
import { backup } from './commands/backup';
import { blobs } from './commands/blobs';
import { check } from './commands/check';
import { refund } from './commands/refund';
import { importCommand } from './commands/import-bundles';
import { payments } from './commands/payments';
import { cpdSample } from './commands/cpd-sample';
import { sweep } from './commands/sweep';
import { card, cardKey, verifyCard } from './commands/cards';
import { exportCommand } from './commands/export';

/** The commands run on an open desk, by name. */
const COMMANDS: Record<string, Command> = {
  seed,
  audit: auditCheckpoint,
  backup,
  blobs,
  check,
  refund,
  import: importCommand,
  payments,
  'cpd-sample': cpdSample,
  sweep,
  card,
  'verify-card': verifyCard,
  export: exportCommand,
  'card-key': cardKey,
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const folder = defaultDataFolder();
  const chosen = chooseDatabase({ commandLine: values.db, folder });
  const file = chosen.address;
  const print = (json: unknown, human: string) => console.log(values.json ? JSON.stringify(json, null, 2) : human);

  // These two run with no desk open: a restore replaces its file, a check of the audit chain writes nothing.
  if (command === 'restore') return restore(file, rest, print);
  if (command === 'audit' && rest[0] === 'verify') return auditVerify(file, folder, values, print);

  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  const desk = await openDesk(file, { source: chosen.source, settingsFolder: folder });
  try {
    return await run({ desk, values, rest, print });
  } finally {
    await desk.close();
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
