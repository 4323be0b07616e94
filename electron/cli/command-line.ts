/** The command line parsed, and what every command is handed. */
import { parseArgs } from 'node:util';
import type { Desk } from '../core/desk/open-desk';

export function parseCommandLine(argv: string[]) {
  return parseArgs({
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
}

export type Options = ReturnType<typeof parseCommandLine>['values'];
/** Prints the JSON under --json, else the sentence a person reads. */
export type Print = (json: unknown, human: string) => void;

/** A command run on an open desk: the options, the words after the command's name, and the printer. Answers the exit code. */
export interface CommandContext {
  desk: Desk;
  values: Options;
  rest: string[];
  print: Print;
}
export type Command = (c: CommandContext) => Promise<number>;
