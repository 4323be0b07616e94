/**
 * Frozen. The dashboard's daily figures (issue #18, second pass), kept by triggers in the transaction of
 * every change they summarise, wherever it is written:
 * - `dashboard_intake`: requests by Riyadh day of submission, service and current status (intake per day,
 *   by status, by service, and the ageing of waiting requests);
 * - `dashboard_steps`: approvals, rejections and returns by Riyadh day, the request's service, the actor and
 *   the request's day of submission (decisions per day and per reviewer, days to a decision, returns).
 * Like queue_counts (0210), a change adds rows (+1, -1) and never updates one, so desks deciding at once on
 * PostgreSQL never wait for each other here; the reader sums by key (electron/core/reports/dashboard-days.ts).
 * Filled from the requests and history already there.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres, serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time
type AnyDb = Kysely<any>;

/** The steps the dashboard counts. */
const STEPS = sql.raw(`('approve', 'reject', 'return_to_applicant')`);

export async function up(db: AnyDb): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: this one makes its own, so a killed run leaves nothing half done.
  if (isPostgres(db)) await change(db);
  else await db.transaction().execute((trx) => change(trx));
}

async function change(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('dashboard_intake')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  // Covering: a range of days, and the waiting statuses over every day, read from the index alone.
  await db.schema.createIndex('dashboard_intake_day').on('dashboard_intake').columns(['day', 'service', 'status', 'n']).execute();
  await db.schema.createIndex('dashboard_intake_status').on('dashboard_intake').columns(['status', 'day', 'service', 'n']).execute();
  await db.schema
    .createTable('dashboard_steps')
    .addColumn('id', 'integer', serialKey(db))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('submitted_day', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dashboard_steps_day')
    .on('dashboard_steps')
    .columns(['action', 'day', 'service', 'actor_id', 'submitted_day', 'n'])
    .execute();
  if (isPostgres(db)) await postgresTriggers(db);
  else await sqliteTriggers(db);
  const day = riyadhDay(db);
  await sql`INSERT INTO dashboard_intake (day, service, status, n)
    SELECT ${day('submitted_at')}, service, status, count(*) FROM requests GROUP BY 1, 2, 3`.execute(db);
  await sql`INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
    SELECT ${day('h.at')}, r.service, h.action, h.actor_id, ${day('r.submitted_at')}, count(*)
    FROM status_history h JOIN requests r ON r.id = h.request_id WHERE h.action IN ${STEPS} GROUP BY 1, 2, 3, 4, 5`.execute(db);
}

/** The Riyadh calendar day (UTC+3) of an instant stored as ISO-8601 text, as the desk's dialect.ts writes it. */
function riyadhDay(db: AnyDb): (column: string) => RawBuilder<string> {
  return isPostgres(db)
    ? (column) => sql.raw(`to_char(${column}::timestamptz AT TIME ZONE 'UTC' + interval '3 hours', 'YYYY-MM-DD')`)
    : (column) => sql.raw(`date(${column}, '+3 hours')`);
}

async function sqliteTriggers(db: AnyDb): Promise<void> {
  const day = riyadhDay(db);
  const intake = (r: 'OLD' | 'NEW', n: number) => sql`(${day(`${r}.submitted_at`)}, ${sql.raw(`${r}.service, ${r}.status, ${n}`)})`;
  await sql`CREATE TRIGGER dashboard_intake_insert AFTER INSERT ON requests
    BEGIN INSERT INTO dashboard_intake (day, service, status, n) VALUES ${intake('NEW', 1)}; END`.execute(db);
  await sql`CREATE TRIGGER dashboard_intake_delete AFTER DELETE ON requests
    BEGIN INSERT INTO dashboard_intake (day, service, status, n) VALUES ${intake('OLD', -1)}; END`.execute(db);
  await sql`CREATE TRIGGER dashboard_intake_update AFTER UPDATE OF status, service, submitted_at ON requests
    WHEN OLD.status IS NOT NEW.status OR OLD.service IS NOT NEW.service OR OLD.submitted_at IS NOT NEW.submitted_at
    BEGIN INSERT INTO dashboard_intake (day, service, status, n) VALUES ${intake('OLD', -1)}, ${intake('NEW', 1)}; END`.execute(db);

  // A step is counted under its request's service and day of submission: they move with the request.
  const requestSteps = (r: 'OLD' | 'NEW', n: number) =>
    sql`INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT ${day('h.at')}, ${sql.raw(`${r}.service`)}, h.action, h.actor_id, ${day(`${r}.submitted_at`)}, ${sql.raw(String(n))}
      FROM status_history h WHERE h.request_id = ${sql.raw(`${r}.id`)} AND h.action IN ${STEPS};`;
  await sql`CREATE TRIGGER dashboard_steps_request AFTER UPDATE OF service, submitted_at ON requests
    WHEN OLD.service IS NOT NEW.service OR OLD.submitted_at IS NOT NEW.submitted_at
    BEGIN ${requestSteps('OLD', -1)} ${requestSteps('NEW', 1)} END`.execute(db);

  const step = (h: 'OLD' | 'NEW', n: number) =>
    sql`INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT ${day(`${h}.at`)}, r.service, ${sql.raw(`${h}.action, ${h}.actor_id`)}, ${day('r.submitted_at')}, ${sql.raw(String(n))}
      FROM requests r WHERE r.id = ${sql.raw(`${h}.request_id AND ${h}.action`)} IN ${STEPS};`;
  await sql`CREATE TRIGGER dashboard_steps_insert AFTER INSERT ON status_history BEGIN ${step('NEW', 1)} END`.execute(db);
  await sql`CREATE TRIGGER dashboard_steps_delete AFTER DELETE ON status_history BEGIN ${step('OLD', -1)} END`.execute(db);
  await sql`CREATE TRIGGER dashboard_steps_update AFTER UPDATE OF request_id, action, actor_id, at ON status_history
    WHEN OLD.request_id IS NOT NEW.request_id OR OLD.action IS NOT NEW.action OR OLD.actor_id IS NOT NEW.actor_id OR OLD.at IS NOT NEW.at
    BEGIN ${step('OLD', -1)} ${step('NEW', 1)} END`.execute(db);
}

async function postgresTriggers(db: AnyDb): Promise<void> {
  const day = riyadhDay(db);
  const intake = (r: 'OLD' | 'NEW', n: number) =>
    sql`INSERT INTO dashboard_intake (day, service, status, n) VALUES (${day(`${r}.submitted_at`)}, ${sql.raw(`${r}.service, ${r}.status, ${n}`)});`;
  await sql`CREATE FUNCTION dashboard_intake_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN ${intake('OLD', -1)} END IF;
      IF TG_OP <> 'DELETE' THEN ${intake('NEW', 1)} END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER dashboard_intake_insert_delete AFTER INSERT OR DELETE ON requests
    FOR EACH ROW EXECUTE FUNCTION dashboard_intake_keep()`.execute(db);
  await sql`CREATE TRIGGER dashboard_intake_update AFTER UPDATE OF status, service, submitted_at ON requests FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.service IS DISTINCT FROM NEW.service OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at)
    EXECUTE FUNCTION dashboard_intake_keep()`.execute(db);

  const requestSteps = (r: 'OLD' | 'NEW', n: number) =>
    sql`INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT ${day('h.at')}, ${sql.raw(`${r}.service`)}, h.action, h.actor_id, ${day(`${r}.submitted_at`)}, ${sql.raw(String(n))}
      FROM status_history h WHERE h.request_id = ${sql.raw(`${r}.id`)} AND h.action IN ${STEPS};`;
  await sql`CREATE FUNCTION dashboard_steps_request_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN ${requestSteps('OLD', -1)} ${requestSteps('NEW', 1)} RETURN NULL; END $$`.execute(db);
  await sql`CREATE TRIGGER dashboard_steps_request AFTER UPDATE OF service, submitted_at ON requests FOR EACH ROW
    WHEN (OLD.service IS DISTINCT FROM NEW.service OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at)
    EXECUTE FUNCTION dashboard_steps_request_keep()`.execute(db);

  const step = (h: 'OLD' | 'NEW', n: number) =>
    sql`INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT ${day(`${h}.at`)}, r.service, ${sql.raw(`${h}.action, ${h}.actor_id`)}, ${day('r.submitted_at')}, ${sql.raw(String(n))}
      FROM requests r WHERE r.id = ${sql.raw(`${h}.request_id`)};`;
  // Nested IFs: OLD is null in an INSERT's trigger and NEW in a DELETE's, and plpgsql's AND does not stop early.
  await sql`CREATE FUNCTION dashboard_steps_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN IF OLD.action IN ${STEPS} THEN ${step('OLD', -1)} END IF; END IF;
      IF TG_OP <> 'DELETE' THEN IF NEW.action IN ${STEPS} THEN ${step('NEW', 1)} END IF; END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER dashboard_steps_insert_delete AFTER INSERT OR DELETE ON status_history
    FOR EACH ROW EXECUTE FUNCTION dashboard_steps_keep()`.execute(db);
  await sql`CREATE TRIGGER dashboard_steps_update AFTER UPDATE OF request_id, action, actor_id, at ON status_history FOR EACH ROW
    WHEN (OLD.request_id IS DISTINCT FROM NEW.request_id OR OLD.action IS DISTINCT FROM NEW.action
      OR OLD.actor_id IS DISTINCT FROM NEW.actor_id OR OLD.at IS DISTINCT FROM NEW.at)
    EXECUTE FUNCTION dashboard_steps_keep()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0220-dashboard-days cannot be undone: restore a backup instead');
}
