import type { Transaction } from 'kysely';
import type { Database } from './schema';

/** A transaction on the case database: what each step that must commit with the others is given. */
export type Trx = Transaction<Database>;
