-- table assessments
CREATE TABLE "assessments" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "kind" text not null, "held_at" text not null, "result" text);

-- index assessments_request
CREATE INDEX "assessments_request" on "assessments" ("request_id");

-- table attachment_blobs
CREATE TABLE "attachment_blobs" ("sha256" text primary key, "size" integer not null, "mime" text not null, "data" blob, "stored" text default 'database' not null, constraint "attachment_blobs_stored" check (stored IN ('database', 'folder', 's3') AND ((stored = 'database') = (data IS NOT NULL))));

-- index attachment_blobs_stored
CREATE INDEX "attachment_blobs_stored" on "attachment_blobs" ("stored");

-- table attachments
CREATE TABLE "attachments" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "kind" text not null, "file_name" text not null, "sha256" text not null references "attachment_blobs" ("sha256"), "version" integer default 1 not null, "issued_at" text, "certified" integer, "uploaded_at" text not null);

-- index attachments_request
CREATE INDEX "attachments_request" on "attachments" ("request_id");

-- index attachments_sha256
CREATE INDEX "attachments_sha256" on "attachments" ("sha256", "request_id");

-- table audit_log
CREATE TABLE "audit_log" ("seq" integer primary key, "at" text not null, "actor_id" integer, "action" text not null, "entity" text not null, "entity_id" text, "data" text not null, "prev_hash" text not null, "hash" text not null);

-- index audit_log_entity
CREATE INDEX "audit_log_entity" on "audit_log" ("entity", "entity_id", "seq");

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- table card_prints
CREATE TABLE "card_prints" ("id" integer primary key autoincrement, "card_id" integer not null references "cards" ("id"), "at" text not null, "actor_id" integer references "users" ("id"), "layout" text not null, "reason" text);

-- index card_prints_card
CREATE INDEX "card_prints_card" on "card_prints" ("card_id", "id");

-- table cards
CREATE TABLE "cards" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "number" text not null unique, "issued_at" text not null, "expires_at" text not null, "status" text not null, "replaces_card_id" integer references "cards" ("id"), "printed_at" text, "delivery" text);

-- index cards_request
CREATE INDEX "cards_request" on "cards" ("request_id", "status");

-- table cpd_activities
CREATE TABLE "cpd_activities" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "title" text not null, "provider" text not null, "hours" real not null, "date" text not null, "kind" text not null);

-- index cpd_activities_request
CREATE INDEX "cpd_activities_request" on "cpd_activities" ("request_id");

-- table cpd_activity_decisions
CREATE TABLE "cpd_activity_decisions" ("activity_id" integer primary key references "cpd_activities" ("id"), "request_id" integer not null references "requests" ("id"), "decision" text not null, "reason_code" text not null, "note" text, "decided_by" integer not null references "users" ("id"), "decided_at" text not null);

-- index cpd_activity_decisions_request
CREATE INDEX "cpd_activity_decisions_request" on "cpd_activity_decisions" ("request_id");

-- table cpd_audits
CREATE TABLE "cpd_audits" ("request_id" integer primary key references "requests" ("id"), "sample_id" integer references "cpd_samples" ("id"), "reasons" text not null, "opened_at" text not null, "completed_at" text, "completed_by" integer references "users" ("id"));

-- index cpd_audits_open
CREATE INDEX "cpd_audits_open" on "cpd_audits" ("completed_at", "request_id");

-- table cpd_samples
CREATE TABLE "cpd_samples" ("id" integer primary key autoincrement, "period_start" text not null unique, "period_end" text not null, "seed" text not null, "percent" real not null, "population" integer not null, "population_digest" text not null, "sampled" integer not null, "triggered" integer not null, "drawn_by" integer references "users" ("id"), "drawn_at" text not null);

-- table dashboard_intake
CREATE TABLE "dashboard_intake" ("id" integer primary key autoincrement, "day" text not null, "service" text not null, "status" text not null, "n" integer not null);

-- index dashboard_intake_day
CREATE INDEX "dashboard_intake_day" on "dashboard_intake" ("day", "service", "status", "n");

-- trigger dashboard_intake_delete
CREATE TRIGGER dashboard_intake_delete AFTER DELETE ON requests
    BEGIN INSERT INTO dashboard_intake (day, service, status, n) VALUES (date(OLD.submitted_at, '+3 hours'), OLD.service, OLD.status, -1); END;

-- trigger dashboard_intake_insert
CREATE TRIGGER dashboard_intake_insert AFTER INSERT ON requests
    BEGIN INSERT INTO dashboard_intake (day, service, status, n) VALUES (date(NEW.submitted_at, '+3 hours'), NEW.service, NEW.status, 1); END;

-- index dashboard_intake_status
CREATE INDEX "dashboard_intake_status" on "dashboard_intake" ("status", "day", "service", "n");

-- trigger dashboard_intake_update
CREATE TRIGGER dashboard_intake_update AFTER UPDATE OF status, service, submitted_at ON requests
    WHEN OLD.status IS NOT NEW.status OR OLD.service IS NOT NEW.service OR OLD.submitted_at IS NOT NEW.submitted_at
    BEGIN INSERT INTO dashboard_intake (day, service, status, n) VALUES (date(OLD.submitted_at, '+3 hours'), OLD.service, OLD.status, -1), (date(NEW.submitted_at, '+3 hours'), NEW.service, NEW.status, 1); END;

-- table dashboard_steps
CREATE TABLE "dashboard_steps" ("id" integer primary key autoincrement, "day" text not null, "service" text not null, "action" text not null, "actor_id" integer, "submitted_day" text not null, "n" integer not null);

-- index dashboard_steps_day
CREATE INDEX "dashboard_steps_day" on "dashboard_steps" ("action", "day", "service", "actor_id", "submitted_day", "n");

-- trigger dashboard_steps_delete
CREATE TRIGGER dashboard_steps_delete AFTER DELETE ON status_history BEGIN INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT date(OLD.at, '+3 hours'), r.service, OLD.action, OLD.actor_id, date(r.submitted_at, '+3 hours'), -1
      FROM requests r WHERE r.id = OLD.request_id AND OLD.action IN ('approve', 'reject', 'return_to_applicant'); END;

-- trigger dashboard_steps_insert
CREATE TRIGGER dashboard_steps_insert AFTER INSERT ON status_history BEGIN INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT date(NEW.at, '+3 hours'), r.service, NEW.action, NEW.actor_id, date(r.submitted_at, '+3 hours'), 1
      FROM requests r WHERE r.id = NEW.request_id AND NEW.action IN ('approve', 'reject', 'return_to_applicant'); END;

-- trigger dashboard_steps_request
CREATE TRIGGER dashboard_steps_request AFTER UPDATE OF service, submitted_at ON requests
    WHEN OLD.service IS NOT NEW.service OR OLD.submitted_at IS NOT NEW.submitted_at
    BEGIN INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT date(h.at, '+3 hours'), OLD.service, h.action, h.actor_id, date(OLD.submitted_at, '+3 hours'), -1
      FROM status_history h WHERE h.request_id = OLD.id AND h.action IN ('approve', 'reject', 'return_to_applicant'); INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT date(h.at, '+3 hours'), NEW.service, h.action, h.actor_id, date(NEW.submitted_at, '+3 hours'), 1
      FROM status_history h WHERE h.request_id = NEW.id AND h.action IN ('approve', 'reject', 'return_to_applicant'); END;

-- trigger dashboard_steps_update
CREATE TRIGGER dashboard_steps_update AFTER UPDATE OF request_id, action, actor_id, at ON status_history
    WHEN OLD.request_id IS NOT NEW.request_id OR OLD.action IS NOT NEW.action OR OLD.actor_id IS NOT NEW.actor_id OR OLD.at IS NOT NEW.at
    BEGIN INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT date(OLD.at, '+3 hours'), r.service, OLD.action, OLD.actor_id, date(r.submitted_at, '+3 hours'), -1
      FROM requests r WHERE r.id = OLD.request_id AND OLD.action IN ('approve', 'reject', 'return_to_applicant'); INSERT INTO dashboard_steps (day, service, action, actor_id, submitted_day, n)
      SELECT date(NEW.at, '+3 hours'), r.service, NEW.action, NEW.actor_id, date(r.submitted_at, '+3 hours'), 1
      FROM requests r WHERE r.id = NEW.request_id AND NEW.action IN ('approve', 'reject', 'return_to_applicant'); END;

-- table delivery_attempts
CREATE TABLE "delivery_attempts" ("id" integer primary key autoincrement, "outbox_id" integer not null references "outbox" ("id"), "at" text not null, "outcome" text not null, "detail" text not null, "by_user_id" integer references "users" ("id"));

-- index delivery_attempts_outbox
CREATE INDEX "delivery_attempts_outbox" on "delivery_attempts" ("outbox_id", "id");

-- table document_dates
CREATE TABLE "document_dates" ("sha256" text primary key, "reader" integer not null, "source" text not null, "reading" text not null, "millis" integer not null, "read_at" text not null, constraint "document_dates_source" check (source IN ('text-layer', 'ocr', 'none')));

-- table experiences
CREATE TABLE "experiences" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "employer" text not null, "position" text not null, "from_date" text not null, "to_date" text, "country" text not null, "added_at" text not null);

-- index experiences_request
CREATE INDEX "experiences_request" on "experiences" ("request_id");

-- table invoice_lines
CREATE TABLE "invoice_lines" ("id" integer primary key autoincrement, "invoice_id" integer not null references "invoices" ("id"), "kind" text not null, "amount_halalas" integer not null);

-- table invoices
CREATE TABLE "invoices" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "number" text not null unique, "issued_at" text not null, "sadad_bill_number" text, "due_on" text, "total_halalas" integer, "policy_version" integer, "status" text default 'paid' not null, "paid_at" text);

-- index invoices_number
CREATE UNIQUE INDEX "invoices_number" on "invoices" ("number");

-- index invoices_request
CREATE INDEX "invoices_request" on "invoices" ("request_id");

-- index invoices_sadad
CREATE UNIQUE INDEX "invoices_sadad" on "invoices" ("sadad_bill_number");

-- index invoices_status_due
CREATE INDEX "invoices_status_due" on "invoices" ("status", "due_on");

-- table issued_documents
CREATE TABLE "issued_documents" ("id" integer primary key autoincrement, "request_id" integer not null unique references "requests" ("id"), "file_name" text not null, "sha256" text not null, "pdf" blob not null, "issued_at" text not null, "issued_by" integer);

-- table kysely_migration
CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);

-- table kysely_migration_lock
CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);

-- table notes
CREATE TABLE "notes" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "kind" text not null, "text" text not null, "author_id" integer references "users" ("id"), "at" text not null);

-- index notes_kind_at
CREATE INDEX "notes_kind_at" on "notes" ("kind", "at");

-- index notes_kind_at_text
CREATE INDEX "notes_kind_at_text" on "notes" ("kind", "at", "text");

-- index notes_request
CREATE INDEX "notes_request" on "notes" ("request_id");

-- table outbox
CREATE TABLE "outbox" ("id" integer primary key autoincrement, "request_id" integer references "requests" ("id"), "to_address" text not null, "kind" text not null, "subject_ar" text not null, "subject_en" text not null, "body_ar" text not null, "body_en" text not null, "created_at" text not null, "sent_at" text, "channel" text default 'email' not null, "state" text default 'queued' not null, "attempts" integer default 0 not null, "next_attempt_at" text, "last_error" text, "relay_answer" text, "message_id" text, "claimed_by" text, "claimed_until" text, "attachment" text, "copy_of" integer references "outbox" ("id"));

-- index outbox_copy_of
CREATE UNIQUE INDEX "outbox_copy_of" on "outbox" ("copy_of");

-- index outbox_message_id
CREATE UNIQUE INDEX "outbox_message_id" on "outbox" ("message_id");

-- index outbox_pick
CREATE INDEX "outbox_pick" on "outbox" ("state", "next_attempt_at", "id");

-- table payment_imports
CREATE TABLE "payment_imports" ("id" integer primary key autoincrement, "file_name" text not null, "sha256" text not null, "imported_by" integer, "imported_at" text not null, "lines" integer not null, "matched" integer not null, "unmatched" integer not null, "duplicates" integer not null);

-- table payments
CREATE TABLE "payments" ("id" integer primary key autoincrement, "invoice_id" integer not null references "invoices" ("id"), "amount_halalas" integer not null, "paid_at" text not null, "channel" text not null, "reference" text not null, "transaction_id" text, "source" text default 'legacy' not null, "status" text default 'confirmed' not null, "recorded_by" integer, "recorded_at" text, "confirmed_by" integer, "confirmed_at" text, "proof_attachment_id" integer, "import_id" integer, "refusal_reason" text);

-- index payments_invoice
CREATE INDEX "payments_invoice" on "payments" ("invoice_id");

-- index payments_paid_at
CREATE INDEX "payments_paid_at" on "payments" ("paid_at");

-- index payments_status
CREATE INDEX "payments_status" on "payments" ("status", "invoice_id");

-- index payments_transaction
CREATE UNIQUE INDEX "payments_transaction" on "payments" ("transaction_id");

-- table photo_hash_bands
CREATE TABLE "photo_hash_bands" ("sha256" text not null references "photo_hashes" ("sha256") on delete cascade, "band" integer not null, "value" text not null, constraint "photo_hash_bands_pk" primary key ("sha256", "band"));

-- index photo_hash_bands_lookup
CREATE INDEX "photo_hash_bands_lookup" on "photo_hash_bands" ("band", "value");

-- table photo_hashes
CREATE TABLE "photo_hashes" ("sha256" text primary key references "attachment_blobs" ("sha256") on delete cascade, "hash" text not null);

-- table policy
CREATE TABLE "policy" ("version" integer primary key, "data" text not null, "note" text not null, "created_by" integer references "users" ("id"), "created_at" text not null, "status" text default 'active' not null, "activated_by" integer, "activated_at" text);

-- index policy_status
CREATE INDEX "policy_status" on "policy" ("status", "version");

-- table practitioners
CREATE TABLE "practitioners" ("id" integer primary key autoincrement, "id_type" text not null, "id_number" text not null, "id_expiry" text, "name_ar" text not null, "name_en" text not null, "nationality" text not null, "birth_date" text not null, "gender" text not null, "email" text not null, "mobile" text not null, "registration_number" text, "profession" text not null, "specialty" text not null, "category" text not null, "card_number" text, "card_issued_at" text, "card_expires_at" text, constraint "practitioners_identity" unique ("id_type", "id_number"));

-- table questionnaire_answers
CREATE TABLE "questionnaire_answers" ("request_id" integer not null references "requests" ("id"), "question_id" text not null, "answer" integer, constraint "questionnaire_answers_pk" primary key ("request_id", "question_id"));

-- table queue_counts
CREATE TABLE "queue_counts" ("id" integer primary key autoincrement, "status" text not null, "n" integer not null);

-- trigger queue_counts_delete
CREATE TRIGGER queue_counts_delete AFTER DELETE ON requests
      BEGIN INSERT INTO queue_counts (status, n) VALUES (OLD.status, -1); END;

-- trigger queue_counts_insert
CREATE TRIGGER queue_counts_insert AFTER INSERT ON requests
      BEGIN INSERT INTO queue_counts (status, n) VALUES (NEW.status, 1); END;

-- trigger queue_counts_update
CREATE TRIGGER queue_counts_update AFTER UPDATE OF status ON requests WHEN OLD.status IS NOT NEW.status
      BEGIN INSERT INTO queue_counts (status, n) VALUES (OLD.status, -1), (NEW.status, 1); END;

-- table referrals
CREATE TABLE "referrals" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "asked_by" integer not null references "users" ("id"), "addressee_id" integer references "users" ("id"), "question" text not null, "asked_at" text not null, "state" text default 'open' not null, "answer" text, "answered_by" integer references "users" ("id"), "answered_at" text, "closed_by" integer references "users" ("id"), "closed_at" text, "closed_reason" text);

-- index referrals_one_open
CREATE UNIQUE INDEX referrals_one_open ON referrals (request_id) WHERE state = 'open';

-- index referrals_request
CREATE INDEX "referrals_request" on "referrals" ("request_id", "id");

-- index referrals_waiting
CREATE INDEX "referrals_waiting" on "referrals" ("state", "addressee_id");

-- table refunds
CREATE TABLE "refunds" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "invoice_id" integer not null references "invoices" ("id"), "status" text not null, "facts" text not null, "result" text, "total_halalas" integer, "computed_by" integer references "users" ("id"), "approved_by" integer references "users" ("id"), "payout_reference" text, "policy_version" integer, "created_at" text not null, "requested_by" integer references "users" ("id"), "requested_at" text, "computed_at" text, "approved_at" text, "paid_by" integer references "users" ("id"), "paid_at" text);

-- index refunds_request
CREATE INDEX "refunds_request" on "refunds" ("request_id", "status");

-- index refunds_status
CREATE INDEX "refunds_status" on "refunds" ("status", "request_id");

-- index refunds_status_paid
CREATE INDEX "refunds_status_paid" on "refunds" ("status", "paid_at");

-- table requests
CREATE TABLE "requests" ("id" integer primary key autoincrement, "reference" text not null unique, "service" text not null, "status" text not null, "version" integer default 0 not null, "practitioner_id" integer not null references "practitioners" ("id"), "submitted_at" text not null, "assignee_id" integer references "users" ("id"), "employer_type" text, "employer_facility" text, "internship_completed" integer, "cpd_recorded_hours" real default 0 not null, "applicant_snapshot" text not null, "return_due_at" text, "decided_at" text, "policy_version" integer, "updated_at" text not null, "search_text" text default '' not null, "sla_due_on" text, "first_signer_id" integer references "users" ("id"));

-- index requests_assignee
CREATE INDEX "requests_assignee" on "requests" ("assignee_id", "status");

-- index requests_claimable
CREATE INDEX "requests_claimable" on "requests" ("status", "assignee_id", "submitted_at", "id");

-- index requests_first_signer
CREATE INDEX "requests_first_signer" on "requests" ("first_signer_id") where "status" = 'awaiting_second_signature';

-- table requests_fts
CREATE VIRTUAL TABLE requests_fts USING fts5(search_text, content='requests', content_rowid='id', tokenize='trigram');

-- table requests_fts_config
CREATE TABLE 'requests_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table requests_fts_data
CREATE TABLE 'requests_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- trigger requests_fts_delete
CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
    INSERT INTO requests_fts(requests_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END;

-- table requests_fts_docsize
CREATE TABLE 'requests_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table requests_fts_idx
CREATE TABLE 'requests_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- trigger requests_fts_insert
CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
    INSERT INTO requests_fts(rowid, search_text) VALUES (new.id, new.search_text); END;

-- trigger requests_fts_update
CREATE TRIGGER requests_fts_update AFTER UPDATE OF search_text ON requests BEGIN
    INSERT INTO requests_fts(requests_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO requests_fts(rowid, search_text) VALUES (new.id, new.search_text); END;

-- index requests_practitioner
CREATE INDEX "requests_practitioner" on "requests" ("practitioner_id");

-- index requests_service_status
CREATE INDEX "requests_service_status" on "requests" ("service", "status");

-- index requests_sla_due
CREATE INDEX "requests_sla_due" on "requests" ("status", "sla_due_on", "submitted_at", "id");

-- index requests_sla_due_all
CREATE INDEX "requests_sla_due_all" on "requests" ("sla_due_on", "submitted_at", "id");

-- index requests_status_submitted
CREATE INDEX "requests_status_submitted" on "requests" ("status", "submitted_at");

-- index requests_submitted
CREATE INDEX "requests_submitted" on "requests" ("submitted_at", "id");

-- index requests_submitted_status_service
CREATE INDEX "requests_submitted_status_service" on "requests" ("submitted_at", "status", "service");

-- table role_grants
CREATE TABLE "role_grants" ("id" integer primary key autoincrement, "user_id" integer not null references "users" ("id") on delete cascade, "role" text not null, "status" text not null, "requested_by" integer references "users" ("id"), "requested_at" text not null, "decided_by" integer references "users" ("id"), "decided_at" text);

-- index role_grants_status
CREATE INDEX "role_grants_status" on "role_grants" ("status");

-- index role_grants_user
CREATE INDEX "role_grants_user" on "role_grants" ("user_id", "status");

-- table saved_views
CREATE TABLE "saved_views" ("id" integer primary key autoincrement, "owner_id" integer not null references "users" ("id"), "scope_key" text not null, "audience" text, "name" text not null, "view" text not null, "created_at" text not null, "updated_at" text not null, constraint "saved_views_scope_name" unique ("scope_key", "name"));

-- table sessions
CREATE TABLE "sessions" ("token_hash" text primary key, "user_id" integer not null references "users" ("id") on delete cascade, "created_at" text not null, "last_seen_at" text not null);

-- table sign_in_sources
CREATE TABLE "sign_in_sources" ("source" text primary key, "failed_attempts" integer default 0 not null, "attempts_since_lock" integer default 0 not null, "lockouts" integer default 0 not null, "locked_until" text, "last_failure_at" text);

-- table signal_person_keys
CREATE TABLE "signal_person_keys" ("request_id" integer not null references "requests" ("id") on delete cascade, "kind" text not null, "key" text not null, "birth_date" text not null, constraint "signal_person_keys_pk" primary key ("request_id", "kind", "key"), constraint "signal_person_keys_kind" check (kind IN ('id', 'name')));

-- index signal_person_keys_lookup
CREATE INDEX "signal_person_keys_lookup" on "signal_person_keys" ("kind", "key", "birth_date");

-- table signing_keys
CREATE TABLE "signing_keys" ("fingerprint" text primary key, "public_key" text not null, "registered_at" text not null, "revoked_at" text);

-- index sqlite_autoindex_attachment_blobs_1
;

-- index sqlite_autoindex_cards_1
;

-- index sqlite_autoindex_cpd_samples_1
;

-- index sqlite_autoindex_document_dates_1
;

-- index sqlite_autoindex_invoices_1
;

-- index sqlite_autoindex_issued_documents_1
;

-- index sqlite_autoindex_kysely_migration_1
;

-- index sqlite_autoindex_kysely_migration_lock_1
;

-- index sqlite_autoindex_photo_hash_bands_1
;

-- index sqlite_autoindex_photo_hashes_1
;

-- index sqlite_autoindex_practitioners_1
;

-- index sqlite_autoindex_questionnaire_answers_1
;

-- index sqlite_autoindex_requests_1
;

-- index sqlite_autoindex_saved_views_1
;

-- index sqlite_autoindex_sessions_1
;

-- index sqlite_autoindex_sign_in_sources_1
;

-- index sqlite_autoindex_signal_person_keys_1
;

-- index sqlite_autoindex_signing_keys_1
;

-- index sqlite_autoindex_unmatched_payments_1
;

-- index sqlite_autoindex_user_roles_1
;

-- index sqlite_autoindex_users_1
;

-- table sqlite_sequence
CREATE TABLE sqlite_sequence(name,seq);

-- table status_history
CREATE TABLE "status_history" ("id" integer primary key autoincrement, "request_id" integer not null references "requests" ("id"), "action" text not null, "from_status" text, "to_status" text not null, "actor_id" integer references "users" ("id"), "at" text not null, "reason_code" text, "reason" text, "policy_version" integer);

-- index status_history_action_at
CREATE INDEX "status_history_action_at" on "status_history" ("action", "at");

-- index status_history_latest_step
CREATE INDEX "status_history_latest_step" on "status_history" ("request_id", "action", "id", "actor_id");

-- index status_history_request
CREATE INDEX "status_history_request" on "status_history" ("request_id", "id");

-- table unmatched_payments
CREATE TABLE "unmatched_payments" ("id" integer primary key autoincrement, "transaction_id" text not null unique, "sadad_bill_number" text, "invoice_number" text, "amount_halalas" integer not null, "paid_at" text not null, "channel" text not null, "import_id" integer, "received_at" text not null, "status" text default 'unmatched' not null, "payment_id" integer, "assigned_by" integer, "assigned_at" text, "note" text);

-- index unmatched_payments_status
CREATE INDEX "unmatched_payments_status" on "unmatched_payments" ("status", "paid_at");

-- table user_roles
CREATE TABLE "user_roles" ("user_id" integer not null references "users" ("id") on delete cascade, "role" text not null, constraint "user_roles_pk" primary key ("user_id", "role"));

-- table users
CREATE TABLE "users" ("id" integer primary key autoincrement, "username" text not null unique, "display_name" text not null, "password_hash" text not null, "active" integer default 1 not null, "failed_attempts" integer default 0 not null, "locked_until" text, "created_at" text not null, "must_change_password" integer default 0 not null, "attempts_since_lock" integer default 0 not null, "lockouts" integer default 0 not null, "created_by" integer, "password_reset_by" integer);
