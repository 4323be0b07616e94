/** The desk's database and backups, as Settings shows them. */

/** One backup file in the desk's backups folder. */
export interface BackupView {
  file: string;
  name: string;
  at: string;
  bytes: number;
}

/** What a desk can tell of a database before using it (Settings → Database → Test). */
export interface DatabaseProbe {
  ok: boolean;
  kind: 'sqlite' | 'postgres';
  /** The address without its password. */
  describe: string;
  /** e.g. "PostgreSQL 15.20"; null when it could not be reached. */
  server: string | null;
  migrationsApplied: number;
  /** Migrations this desk will apply when it opens the database. */
  migrationsPending: number;
  /** Written by a newer desk: this one would refuse to open it. */
  newerThanDesk: boolean;
  /** Why it could not be used (the server's own words, password removed): for support, behind "details". */
  message: string | null;
  /** What the screen says about it, from the dictionary: why it could not be used, or that a new file will be made. */
  problem: DatabaseProblem | null;
}

/** Why a database address could not be used, as the Settings page words it (renderer: probeProblem_*). */
export const DATABASE_PROBLEMS = [
  'new_file',
  'bad_address',
  'connection_refused',
  'host_not_found',
  'timeout',
  'auth_failed',
  'database_missing',
  'permission_denied',
  'tls',
  'not_a_database',
  'cannot_open_file',
  'other',
] as const;
export type DatabaseProblem = (typeof DATABASE_PROBLEMS)[number];

export interface DatabaseSettingsView {
  inUse: {
    kind: 'sqlite' | 'postgres';
    describe: string;
    /** Where the choice came from: MUMARIS_DB, --db, this page, or the default file. */
    source: 'environment' | 'command_line' | 'settings' | 'default';
  };
  /** The address saved on this page (password masked), used from the next start unless MUMARIS_DB or --db is given. */
  saved: string | null;
  /** False when this desk has no settings folder (tests, in-memory databases). */
  canSave: boolean;
  /** The saved choice differs from the database in use: it takes effect when the desk restarts. */
  restartNeeded: boolean;
}
