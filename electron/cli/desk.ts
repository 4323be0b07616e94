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
import { parseCommandLine, type Command, type Options, type Print } from './command-line';
import { USAGE, UsageError } from './usage';

/**
 * The commands run on an open desk, by name, each loaded when asked for: a command's start pays for
 * its own code only (`card-key` never initialises pdf-lib's fonts, the exports' workbook or the OCR).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  seed: async () => (await import('./commands/seed')).seed,
  audit: async () => (await import('./commands/audit')).auditCheckpoint,
  backup: async () => (await import('./commands/backup')).backup,
  blobs: async () => (await import('./commands/blobs')).blobs,
  check: async () => (await import('./commands/check')).check,
  refund: async () => (await import('./commands/refund')).refund,
  import: async () => (await import('./commands/import-bundles')).importCommand,
  payments: async () => (await import('./commands/payments')).payments,
  'cpd-sample': async () => (await import('./commands/cpd-sample')).cpdSample,
  sweep: async () => (await import('./commands/sweep')).sweep,
  card: async () => (await import('./commands/cards')).card,
  'verify-card': async () => (await import('./commands/cards')).verifyCard,
  export: async () => (await import('./commands/export')).exportCommand,
  'card-key': async () => (await import('./commands/card-key')).cardKey,
};

/** The two commands run with no desk open: a restore replaces its file, a check of the audit chain writes nothing. */
async function withoutDesk(command: string, rest: string[], file: string, folder: string, values: Options, print: Print) {
  if (command === 'restore') return (await import('./commands/restore')).restore(file, rest, print);
  if (command === 'audit' && rest[0] === 'verify') return (await import('./commands/audit')).auditVerify(file, folder, values, print);
  return undefined;
}

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

  const done = await withoutDesk(command, rest, file, folder, values, print);
  if (done !== undefined) return done;

  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  // Loaded while nothing is open yet: a command that fails to load leaves no desk to close.
  const run = await load();
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
