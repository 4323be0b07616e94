/**
 * Frozen: never edit after release, never import app code. Later changes are new files.
 * Portable SQL through kysely's schema builder; SQLite-only pieces are marked.
 */
import type { Kysely } from 'kysely';
import { appendOnly, binaryType, fractionType, serialKey } from './portable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema of their own time, not today's types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const id = serialKey(db);
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('policy')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('practitioners')
    .addColumn('id', 'integer', id)
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('id_expiry', 'text')
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('mobile', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text')
    .addColumn('profession', 'text', (c) => c.notNull())
    .addColumn('specialty', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('card_number', 'text')
    .addColumn('card_issued_at', 'text')
    .addColumn('card_expires_at', 'text')
    .addUniqueConstraint('practitioners_identity', ['id_type', 'id_number'])
    .execute();

  await db.schema
    .createTable('requests')
    .addColumn('id', 'integer', id)
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('practitioner_id', 'integer', (c) => c.notNull().references('practitioners.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    .addColumn('employer_type', 'text')
    .addColumn('employer_facility', 'text')
    .addColumn('internship_completed', 'integer')
    .addColumn('cpd_recorded_hours', fractionType(db), (c) => c.notNull().defaultTo(0))
    // The applicant's snapshot as submitted (JSON), so DATA_UPDATE and resubmissions can be compared.
    .addColumn('applicant_snapshot', 'text', (c) => c.notNull())
    .addColumn('return_due_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('policy_version', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requests_status_submitted').on('requests').columns(['status', 'submitted_at']).execute();
  await db.schema.createIndex('requests_assignee').on('requests').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('requests_practitioner').on('requests').column('practitioner_id').execute();

  await db.schema
    .createTable('status_history')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('policy_version', 'integer')
    .execute();
  await db.schema.createIndex('status_history_request').on('status_history').columns(['request_id', 'id']).execute();

  await db.schema
    .createTable('notes')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notes_request').on('notes').column('request_id').execute();

  await db.schema
    .createTable('attachment_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('data', binaryType(db), (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('attachment_blobs.sha256'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('issued_at', 'text')
    .addColumn('certified', 'integer')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_request').on('attachments').column('request_id').execute();

  await db.schema
    .createTable('experiences')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cpd_activities')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('hours', fractionType(db), (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('questionnaire_answers')
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'integer')
    .addPrimaryKeyConstraint('questionnaire_answers_pk', ['request_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'integer', id)
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_halalas', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', id)
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('amount_halalas', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('total_halalas', 'integer')
    .addColumn('computed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('approved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('payout_reference', 'text')
    .addColumn('policy_version', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cards')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('replaces_card_id', 'integer', (c) => c.references('cards.id'))
    .addColumn('printed_at', 'text')
    .addColumn('delivery', 'text')
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.references('requests.id'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_ar', 'text', (c) => c.notNull())
    .addColumn('subject_en', 'text', (c) => c.notNull())
    .addColumn('body_ar', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await appendOnly(db, 'audit_log', 'audit_log is append-only');
}

export async function down(): Promise<void> {
  throw new Error('0010-initial cannot be undone: restore a backup instead');
}
