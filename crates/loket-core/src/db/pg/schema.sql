-- Loket's schema on PostgreSQL 15 ("office mode"): the end state of the
-- SQLite migrations 0001..0008 (schema version 8) in one file.
--
-- Run as one transaction with a single batch (simple query protocol): no
-- psql meta-commands. Every object is created unqualified, i.e. in the first
-- schema of the current search_path; the functions capture that search_path
-- (SET search_path FROM CURRENT), so their triggers always work on the
-- tables of their own schema.
--
-- Types line up with the SQLite schema as the Rust code reads it: every
-- integer is BIGINT, INTEGER PRIMARY KEY is a BIGINT identity (BY DEFAULT:
-- imports may give ids; they must then setval the sequence), TEXT stays
-- TEXT. Differences from SQLite, all deliberate:
--   * requests_fts (FTS5) has no PostgreSQL twin: request_name_prefixes
--     (every 1-6 letter prefix of every word of a name, kept by a trigger)
--     replaces it; db/pg/dialect.rs queries it.
--   * COLLATE NOCASE (accounts.name, access_log_operator) becomes lower():
--     a unique index on lower(name), an index on (lower(operator), at).
--     Queries must compare lower(x) = lower(?) themselves.
--   * accounts.pin_hash LIKE '$argon2%' is ILIKE: SQLite's LIKE ignores
--     ASCII case.
--   * Trigger WHEN clauses with subqueries (not allowed in PostgreSQL)
--     moved into the trigger functions.
--   * Tables that refuse DELETE also refuse TRUNCATE (PostgreSQL's
--     TRUNCATE skips row triggers; SQLite has none).
--   * The access log is appended under a transaction-level advisory lock
--     (the chain lock) and only under READ COMMITTED, so that concurrent
--     desks keep one linear chain.

-- ---------------------------------------------------------------------
-- Functions the triggers call (db/functions.rs on SQLite).
-- ---------------------------------------------------------------------

-- An i64 as 8 bytes little-endian (two's complement when negative).
CREATE FUNCTION loket_le64(v bigint) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
    SELECT decode(substr(h, 15, 2) || substr(h, 13, 2) || substr(h, 11, 2) || substr(h, 9, 2)
               || substr(h, 7, 2) || substr(h, 5, 2) || substr(h, 3, 2) || substr(h, 1, 2), 'hex')
    FROM (SELECT lpad(to_hex(v), 16, '0') AS h) x
);

-- One field of an entry's hash: its byte length (u64 little-endian), then
-- its bytes.
CREATE FUNCTION loket_hash_field(b bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN loket_le64(octet_length(b)) || b;

-- The hash of one access-log entry, lowercase hex: byte for byte
-- functions.rs entry_hash. A NULL request_id is an empty field; origin is
-- hashed only when it is not ''. A NULL anywhere else gives NULL (and the
-- NOT NULL of access_log.hash refuses the entry, as SQLite's function
-- refuses a NULL).
CREATE FUNCTION loket_audit_hash(prev text, at bigint, operator text, action text,
                                 request_id bigint, detail text, origin text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN encode(sha256(
       loket_hash_field(convert_to(prev, 'UTF8'))
    || loket_hash_field(loket_le64(at))
    || loket_hash_field(convert_to(operator, 'UTF8'))
    || loket_hash_field(convert_to(action, 'UTF8'))
    || CASE WHEN request_id IS NULL THEN loket_le64(0)
            ELSE loket_hash_field(loket_le64(request_id)) END
    || loket_hash_field(convert_to(detail, 'UTF8'))
    || CASE WHEN origin = '' THEN ''::bytea
            ELSE loket_hash_field(convert_to(origin, 'UTF8')) END
), 'hex');

-- The six-argument form: an entry without origin (before schema 8).
CREATE FUNCTION loket_audit_hash(prev text, at bigint, operator text, action text,
                                 request_id bigint, detail text)
    RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN loket_audit_hash(prev, at, operator, action, request_id, detail, '');

-- The origin this connection writes: 'app' unless the session says
-- otherwise (SET loket.origin = 'cli' on loket-cli's connections).
CREATE FUNCTION loket_origin() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce(nullif(current_setting('loket.origin', true), ''), 'app');

-- The office's one clock, UTC milliseconds: desks stamp events with it
-- (Desk::now_ms), as office PCs without internet drift apart.
CREATE FUNCTION loket_now_ms() RETURNS bigint
    LANGUAGE sql VOLATILE
RETURN CAST(floor(extract(epoch FROM clock_timestamp()) * 1000) AS BIGINT);

-- The refusal of the append-only and never-deleted tables: the message is
-- the trigger's argument.
CREATE FUNCTION loket_refuse() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

-- An append-only table: UPDATE, DELETE and TRUNCATE refused by triggers
-- named <table>_append_only_<what> (as SQLite's), "<table> is append-only".
CREATE FUNCTION loket_append_only(t text) RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION loket_refuse(%L)',
                   t || '_append_only_update', t, t || ' is append-only');
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION loket_refuse(%L)',
                   t || '_append_only_delete', t, t || ' is append-only');
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION loket_refuse(%L)',
                   t || '_append_only_truncate', t, t || ' is append-only');
END
$$;

-- ---------------------------------------------------------------------
-- 1: requests, their append-only events, registration counters, settings.
-- ---------------------------------------------------------------------
-- Registration numbers, NIKs, KK numbers, phones and normalised names
-- compare byte by byte (COLLATE "C") whatever the database's locale: the
-- queue's prefix searches are index ranges [prefix, prefix + U+10FFFF),
-- which a locale that ignores punctuation would break.
CREATE TABLE requests (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    reg_no      TEXT COLLATE "C" NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_norm   TEXT COLLATE "C" NOT NULL,
    phone       TEXT COLLATE "C" NOT NULL,
    nik         TEXT COLLATE "C" CHECK (nik IS NULL OR (length(nik) = 16 AND nik !~ '[^0-9]')),
    kk          TEXT COLLATE "C" CHECK (kk IS NULL OR (length(kk) = 16 AND kk !~ '[^0-9]')),
    category    TEXT NOT NULL CHECK (category IN ('bpjs','bank','school','sim','voter_list','other')),
    problem     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('received','verifying','waiting_citizen','done','replied')),
    outcome     TEXT CHECK (outcome IS NULL OR outcome IN ('updated','updated_pending_sync','duplicate_nik','not_recorded','data_mismatch','resend_needed')),
    received_at BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    operator    TEXT NOT NULL
);
CREATE INDEX requests_nik ON requests(nik) WHERE nik IS NOT NULL;
CREATE INDEX requests_kk ON requests(kk) WHERE kk IS NOT NULL;
CREATE INDEX requests_phone ON requests(phone);
CREATE INDEX requests_name ON requests(name_norm);
CREATE INDEX requests_received ON requests(received_at);
CREATE INDEX requests_status ON requests(status, received_at);
CREATE INDEX requests_open ON requests(received_at)
    WHERE status IN ('received','verifying','waiting_citizen');
-- Word-prefix search over names ("siti am" finds "NUR SITI AMINAH"), in
-- place of SQLite's FTS5 table requests_fts with its 1-6 letter prefix
-- indexes: every prefix of up to six letters of every word of a name, with
-- the request. The queue asks for the newest matches first, and a common
-- name matches tens of thousands of requests in a year; walking
-- (prefix, request_id) backwards gives the newest first without reading
-- them all (a GIN index on the name's tsvector must read every match).
-- Longer words are looked up by their first six letters and rechecked
-- against name_norm (db/pg/dialect.rs).
CREATE TABLE request_name_prefixes (
    prefix     TEXT COLLATE "C" NOT NULL,
    request_id BIGINT NOT NULL REFERENCES requests(id),
    PRIMARY KEY (prefix, request_id)
);

-- The prefixes of a normalised name: words split on ASCII spaces and
-- punctuation (never on a letter, whatever the collation), as search.rs
-- cleans the typed words.
CREATE FUNCTION loket_name_prefixes(name text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT DISTINCT left(w, n)
    FROM regexp_split_to_table(name, '[[:space:][:punct:]]+') AS w,
         generate_series(1, least(length(w), 6)) AS n
    WHERE w <> ''
$$;

-- Kept by the schema, so no desk can forget it; runs as the schema's owner
-- (the desks' role needs no rights on the table).
CREATE FUNCTION loket_index_name() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM request_name_prefixes WHERE request_id = OLD.id;
    END IF;
    INSERT INTO request_name_prefixes (prefix, request_id)
    SELECT p, NEW.id FROM loket_name_prefixes(NEW.name_norm) AS p
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER requests_name_prefixes AFTER INSERT OR UPDATE OF name_norm ON requests
    FOR EACH ROW EXECUTE FUNCTION loket_index_name();

-- Rebuilds the name index of every request (after a bulk copy made with
-- triggers off: office import).
CREATE FUNCTION loket_reindex_names() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    DELETE FROM request_name_prefixes;
    INSERT INTO request_name_prefixes (prefix, request_id)
    SELECT p, r.id FROM requests r, loket_name_prefixes(r.name_norm) AS p
    ON CONFLICT DO NOTHING;
$$;

CREATE TABLE request_events (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    request_id  BIGINT NOT NULL REFERENCES requests(id),
    at          BIGINT NOT NULL,
    operator    TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    outcome     TEXT,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events(request_id, id);
SELECT loket_append_only('request_events');

CREATE TABLE reg_counters (
    series TEXT NOT NULL,
    day    TEXT NOT NULL,
    last   BIGINT NOT NULL,
    PRIMARY KEY (series, day)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- ---------------------------------------------------------------------
-- 2: documents of a request, and their append-only events.
-- ---------------------------------------------------------------------
CREATE TABLE documents (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    request_id    BIGINT NOT NULL REFERENCES requests(id),
    kind          TEXT NOT NULL CHECK (kind IN ('ktp','kk','other')),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 !~ '[^0-9a-f]'),
    format        TEXT NOT NULL CHECK (format IN ('jpeg','png','webp','pdf')),
    width         BIGINT NOT NULL CHECK (width > 0),
    height        BIGINT NOT NULL CHECK (height > 0),
    pages         BIGINT NOT NULL DEFAULT 1 CHECK (pages > 0),
    bytes         BIGINT NOT NULL CHECK (bytes > 0),
    file_name     TEXT NOT NULL DEFAULT '',
    added_at      BIGINT NOT NULL,
    operator      TEXT NOT NULL,
    removed_at    BIGINT,
    removed_by    TEXT,
    remove_reason TEXT,
    purged_at     BIGINT,                                        -- 0007
    CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE INDEX documents_request ON documents(request_id, id);
CREATE INDEX documents_sha256 ON documents(sha256);
-- The same bytes are one active document of a request at most.
CREATE UNIQUE INDEX documents_request_sha256_active ON documents(request_id, sha256)
    WHERE removed_at IS NULL;
CREATE INDEX documents_unpurged ON documents(request_id) WHERE purged_at IS NULL;  -- 0007

CREATE TABLE document_events (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id BIGINT NOT NULL REFERENCES documents(id),
    at          BIGINT NOT NULL,
    operator    TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('added','removed','kind_changed')),
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_events_document ON document_events(document_id, id);
SELECT loket_append_only('document_events');

-- Office mode only: the files of a document (the original as received, and
-- the display copy and thumbnail of each page), content-addressed like the
-- folder store of a single desk (documents/store.rs), so the same bytes are
-- kept once however many documents use them. A desk caches copies in its
-- folder; retention deletes the rows of contents no unpurged document uses.
CREATE TABLE document_files (
    sha256  TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 !~ '[^0-9a-f]'),
    variant TEXT NOT NULL CHECK (variant IN ('original','display','thumb')),
    page    BIGINT NOT NULL CHECK ((variant = 'original') = (page = 0) AND page >= 0),
    bytes   BYTEA NOT NULL,
    PRIMARY KEY (sha256, variant, page)
);
-- JPEGs, PNGs and PDFs are compressed already: store them out of line as
-- they are instead of trying again.
ALTER TABLE document_files ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- ---------------------------------------------------------------------
-- 3: verification versions (append-only).
-- ---------------------------------------------------------------------
CREATE TABLE verification_versions (
    id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES requests(id),
    version    BIGINT NOT NULL,
    form_json  TEXT NOT NULL,
    at         BIGINT NOT NULL,
    operator   TEXT NOT NULL,
    UNIQUE (request_id, version)
);
SELECT loket_append_only('verification_versions');

-- ---------------------------------------------------------------------
-- 4: merges, separations, document moves (append-only).
-- ---------------------------------------------------------------------
-- request_id is given by the code (the merged request), never generated:
-- SQLite's INTEGER PRIMARY KEY here is a foreign key, not a counter.
CREATE TABLE request_merges (
    request_id BIGINT PRIMARY KEY REFERENCES requests(id),
    into_id    BIGINT NOT NULL REFERENCES requests(id),
    at         BIGINT NOT NULL,
    operator   TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    CHECK (into_id <> request_id)
);
CREATE INDEX request_merges_into ON request_merges(into_id);
SELECT loket_append_only('request_merges');

CREATE TABLE request_separations (
    a_id     BIGINT NOT NULL REFERENCES requests(id),
    b_id     BIGINT NOT NULL REFERENCES requests(id),
    at       BIGINT NOT NULL,
    operator TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    PRIMARY KEY (a_id, b_id),
    CHECK (a_id < b_id)
);
CREATE INDEX request_separations_b ON request_separations(b_id, a_id);
SELECT loket_append_only('request_separations');

CREATE TABLE document_moves (
    id              BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id     BIGINT NOT NULL REFERENCES documents(id),
    from_request_id BIGINT NOT NULL REFERENCES requests(id),
    to_request_id   BIGINT NOT NULL REFERENCES requests(id),
    at              BIGINT NOT NULL,
    operator        TEXT NOT NULL
);
CREATE INDEX document_moves_document ON document_moves(document_id, id);
SELECT loket_append_only('document_moves');

-- ---------------------------------------------------------------------
-- 7: photo retention (append-only records).
-- ---------------------------------------------------------------------
CREATE TABLE document_purges (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    document_id BIGINT NOT NULL UNIQUE REFERENCES documents(id),
    purged_at   BIGINT NOT NULL,
    rule        TEXT NOT NULL CHECK (rule IN ('retention')),
    days        BIGINT NOT NULL CHECK (days > 0),
    clock_from  BIGINT NOT NULL,
    operator    TEXT NOT NULL
);
SELECT loket_append_only('document_purges');

CREATE TABLE document_file_deletions (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 !~ '[^0-9a-f]'),
    upto_purge_id BIGINT NOT NULL REFERENCES document_purges(id),
    deleted_at    BIGINT NOT NULL,
    files         BIGINT NOT NULL CHECK (files >= 0),
    bytes         BIGINT NOT NULL CHECK (bytes >= 0)
);
CREATE INDEX document_file_deletions_sha256 ON document_file_deletions(sha256, upto_purge_id);
SELECT loket_append_only('document_file_deletions');

CREATE TABLE retention_runs (
    id               BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at               BIGINT NOT NULL,
    operator         TEXT NOT NULL,
    days             BIGINT NOT NULL CHECK (days > 0),
    purged           BIGINT NOT NULL,
    contents_deleted BIGINT NOT NULL,
    files_deleted    BIGINT NOT NULL,
    bytes_freed      BIGINT NOT NULL,
    contents_left    BIGINT NOT NULL,
    handled_upto     BIGINT NOT NULL
);
SELECT loket_append_only('retention_runs');

-- ---------------------------------------------------------------------
-- documents: what may change (0002, 0004, 0007).
-- ---------------------------------------------------------------------
-- Only the kind may change, and a document may be removed once; what was
-- received, when and by whom never changes, and a row is never deleted.
CREATE TRIGGER documents_fixed_columns BEFORE UPDATE OF
    id, sha256, format, width, height, pages, bytes, file_name, added_at, operator
    ON documents
    FOR EACH ROW EXECUTE FUNCTION loket_refuse('documents: only kind and removal may change');
CREATE TRIGGER documents_removed_once BEFORE UPDATE OF removed_at, removed_by, remove_reason
    ON documents FOR EACH ROW WHEN (OLD.removed_at IS NOT NULL)
    EXECUTE FUNCTION loket_refuse('documents: a removal is final');
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION loket_refuse('documents: rows are never deleted; remove sets removed_at');
CREATE TRIGGER documents_no_truncate BEFORE TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION loket_refuse('documents: rows are never deleted; remove sets removed_at');

-- A new request_id only from a merged request to the request it was merged
-- into, with its move recorded.
CREATE FUNCTION documents_request_only_by_merge() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    IF NOT (EXISTS (SELECT 1 FROM request_merges m
                    WHERE m.request_id = OLD.request_id AND m.into_id = NEW.request_id)
            AND EXISTS (SELECT 1 FROM document_moves v
                        WHERE v.document_id = OLD.id AND v.from_request_id = OLD.request_id
                          AND v.to_request_id = NEW.request_id)) THEN
        RAISE EXCEPTION 'documents: request_id changes only by a recorded merge';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER documents_request_only_by_merge BEFORE UPDATE OF request_id ON documents
    FOR EACH ROW WHEN (NEW.request_id IS DISTINCT FROM OLD.request_id)
    EXECUTE FUNCTION documents_request_only_by_merge();

-- purged_at is set once, by the document's document_purges row.
CREATE FUNCTION documents_purged_only_by_purge() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    IF OLD.purged_at IS NOT NULL OR NEW.purged_at IS NULL
       OR NOT EXISTS (SELECT 1 FROM document_purges p
                      WHERE p.document_id = NEW.id AND p.purged_at = NEW.purged_at) THEN
        RAISE EXCEPTION 'documents: purged_at is set once, by its document_purges row';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER documents_purged_only_by_purge BEFORE UPDATE OF purged_at ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_purged_only_by_purge();

CREATE FUNCTION document_purges_mark() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    UPDATE documents SET purged_at = NEW.purged_at WHERE id = NEW.document_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER document_purges_mark AFTER INSERT ON document_purges
    FOR EACH ROW EXECUTE FUNCTION document_purges_mark();

-- ---------------------------------------------------------------------
-- 5: accounts and the tamper-evident access log.
-- ---------------------------------------------------------------------
-- Accounts are never deleted; a supervisor disables one. The name is unique
-- ignoring case (SQLite: UNIQUE COLLATE NOCASE).
CREATE TABLE accounts (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role          TEXT NOT NULL CHECK (role IN ('operator','supervisor')),
    pin_hash      TEXT NOT NULL CHECK (pin_hash ILIKE '$argon2%'),
    created_at    BIGINT NOT NULL,
    created_by    TEXT NOT NULL,
    disabled_at   BIGINT,
    failed_logins BIGINT NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until  BIGINT NOT NULL DEFAULT 0,
    last_login_at BIGINT
);
CREATE UNIQUE INDEX accounts_name_nocase ON accounts (lower(name));
CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION loket_refuse('accounts are never deleted; a supervisor disables one');
CREATE TRIGGER accounts_no_truncate BEFORE TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION loket_refuse('accounts are never deleted; a supervisor disables one');

-- Each entry carries the hash of the one before it and its own hash over
-- (prev_hash, at, operator, action, request_id, detail[, origin]).
CREATE TABLE access_log (
    id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at         BIGINT NOT NULL,
    operator   TEXT NOT NULL,
    action     TEXT NOT NULL,
    request_id BIGINT REFERENCES requests(id),
    detail     TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash       TEXT NOT NULL CHECK (length(hash) = 64),
    origin     TEXT NOT NULL DEFAULT '' CHECK (origin IN ('', 'app', 'cli'))   -- 0008
);
CREATE INDEX access_log_request ON access_log(request_id, id) WHERE request_id IS NOT NULL;
CREATE INDEX access_log_at ON access_log(at);
CREATE INDEX access_log_operator ON access_log(lower(operator), at);
SELECT loket_append_only('access_log');

-- The one way in: insert into this view and the chain is extended with the
-- previous entry's hash. Rust code and the triggers below both use it.
CREATE VIEW access_log_append (at, operator, action, request_id, detail, origin) AS
    SELECT at, operator, action, request_id, detail, origin FROM access_log;

-- The chain lock (advisory, transaction-level, one constant for every
-- Loket schema of the database) makes concurrent writers take turns: each
-- reads the head only after the previous writer committed. That holds
-- under READ COMMITTED only, where each statement of this function sees
-- what committed before it; a REPEATABLE READ or SERIALIZABLE transaction
-- would read an old head and fork the chain, so it is refused.
CREATE FUNCTION access_log_append_insert() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
DECLARE
    v_prev   text;
    v_detail text := coalesce(NEW.detail, '');
    v_origin text := coalesce(NEW.origin, loket_origin());
BEGIN
    PERFORM pg_advisory_xact_lock(4935245849174101);
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'access_log: entries are appended only in READ COMMITTED transactions (this one is %)',
            current_setting('transaction_isolation');
    END IF;
    SELECT l.hash INTO v_prev FROM access_log l ORDER BY l.id DESC LIMIT 1;
    v_prev := coalesce(v_prev, '0000000000000000000000000000000000000000000000000000000000000000');
    INSERT INTO access_log (at, operator, action, request_id, detail, origin, prev_hash, hash)
    VALUES (NEW.at, NEW.operator, NEW.action, NEW.request_id, v_detail, v_origin, v_prev,
            loket_audit_hash(v_prev, NEW.at, NEW.operator, NEW.action, NEW.request_id,
                             v_detail, v_origin));
    RETURN NEW;
END
$$;
CREATE TRIGGER access_log_append_insert INSTEAD OF INSERT ON access_log_append
    FOR EACH ROW EXECUTE FUNCTION access_log_append_insert();

-- Every change already lands in an append-only table with its operator;
-- these triggers put it in the chain in the same transaction. No NIK or
-- name is copied. origin is left out: loket_origin() of the session.
CREATE FUNCTION request_events_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    VALUES (NEW.at, NEW.operator,
            CASE WHEN NEW.from_status IS NULL THEN 'permohonan_dibuat' ELSE 'status_diubah' END,
            NEW.request_id,
            coalesce(NEW.from_status || ' → ', '') || NEW.to_status
                || coalesce(' (' || NEW.outcome || ')', ''));
    RETURN NULL;
END
$$;
CREATE TRIGGER request_events_log AFTER INSERT ON request_events
    FOR EACH ROW EXECUTE FUNCTION request_events_log();

CREATE FUNCTION document_events_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator,
           CASE NEW.action WHEN 'added' THEN 'dokumen_ditambah'
                           WHEN 'removed' THEN 'dokumen_dihapus'
                           ELSE 'jenis_dokumen_diubah' END,
           d.request_id, 'dokumen ' || d.id || ' (' || d.kind || ')'
    FROM documents d WHERE d.id = NEW.document_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER document_events_log AFTER INSERT ON document_events
    FOR EACH ROW EXECUTE FUNCTION document_events_log();

CREATE FUNCTION verification_versions_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    VALUES (NEW.at, NEW.operator, 'verifikasi_disimpan', NEW.request_id, 'versi ' || NEW.version);
    RETURN NULL;
END
$$;
CREATE TRIGGER verification_versions_log AFTER INSERT ON verification_versions
    FOR EACH ROW EXECUTE FUNCTION verification_versions_log();

CREATE FUNCTION request_merges_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator, 'permohonan_digabung', NEW.request_id, 'ke ' || r.reg_no
    FROM requests r WHERE r.id = NEW.into_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_merges_log AFTER INSERT ON request_merges
    FOR EACH ROW EXECUTE FUNCTION request_merges_log();

CREATE FUNCTION request_separations_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator, 'tetap_terpisah', NEW.a_id, 'dari ' || r.reg_no
    FROM requests r WHERE r.id = NEW.b_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER request_separations_log AFTER INSERT ON request_separations
    FOR EACH ROW EXECUTE FUNCTION request_separations_log();

CREATE FUNCTION document_moves_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator, 'dokumen_dipindah', NEW.to_request_id,
           'dokumen ' || NEW.document_id || ' dari ' || r.reg_no
    FROM requests r WHERE r.id = NEW.from_request_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER document_moves_log AFTER INSERT ON document_moves
    FOR EACH ROW EXECUTE FUNCTION document_moves_log();

-- A purge is a change to a request's documents (0007).
CREATE FUNCTION document_purges_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.purged_at, NEW.operator, 'dokumen_dihapus_retensi', d.request_id,
           'dokumen ' || d.id || ' (' || d.kind || '), ' || NEW.days || ' hari'
    FROM documents d WHERE d.id = NEW.document_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER document_purges_log AFTER INSERT ON document_purges
    FOR EACH ROW EXECUTE FUNCTION document_purges_log();

-- ---------------------------------------------------------------------
-- 6: POS KETANMU deliveries and Pengaduan complaints.
-- ---------------------------------------------------------------------
CREATE TABLE deliveries (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    reg_no       TEXT COLLATE "C" NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    phone        TEXT COLLATE "C" NOT NULL,
    village_code TEXT NOT NULL CHECK (length(village_code) = 10 AND village_code ~ '^3516'),
    address      TEXT NOT NULL,
    documents    TEXT NOT NULL CHECK (length(documents) > 0),
    note         TEXT NOT NULL DEFAULT '',
    step         TEXT NOT NULL CHECK (step IN ('registered','processed','handed_over','delivered','paid','failed','returned')),
    requested_at BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    operator     TEXT NOT NULL,
    courier      TEXT,
    tracking_no  TEXT COLLATE "C",
    receiver     TEXT,
    cod_amount   BIGINT CHECK (cod_amount IS NULL OR cod_amount >= 0)
);
CREATE INDEX deliveries_step ON deliveries(step, updated_at);
CREATE INDEX deliveries_requested ON deliveries(requested_at);
CREATE TRIGGER deliveries_no_delete BEFORE DELETE ON deliveries
    FOR EACH ROW EXECUTE FUNCTION loket_refuse('deliveries are never deleted');
CREATE TRIGGER deliveries_no_truncate BEFORE TRUNCATE ON deliveries
    FOR EACH STATEMENT EXECUTE FUNCTION loket_refuse('deliveries are never deleted');

CREATE TABLE delivery_events (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    delivery_id BIGINT NOT NULL REFERENCES deliveries(id),
    at          BIGINT NOT NULL,
    operator    TEXT NOT NULL,
    from_step   TEXT,
    to_step     TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX delivery_events_delivery ON delivery_events(delivery_id, id);
CREATE INDEX delivery_events_at ON delivery_events(to_step, at);
SELECT loket_append_only('delivery_events');

CREATE FUNCTION delivery_events_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator,
           CASE WHEN NEW.from_step IS NULL THEN 'kiriman_dibuat' ELSE 'kiriman_diubah' END,
           NULL,
           d.reg_no || ' ' || coalesce(NEW.from_step || ' → ', '') || NEW.to_step
    FROM deliveries d WHERE d.id = NEW.delivery_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER delivery_events_log AFTER INSERT ON delivery_events
    FOR EACH ROW EXECUTE FUNCTION delivery_events_log();

CREATE TABLE complaints (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    reg_no       TEXT COLLATE "C" NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    phone        TEXT COLLATE "C" NOT NULL DEFAULT '',
    channel      TEXT NOT NULL CHECK (channel IN ('whatsapp','in_person','phone')),
    about_reg_no TEXT,
    category     TEXT NOT NULL CHECK (category IN ('slow','wrong_data','staff','fee','delivery','other')),
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    answer       TEXT NOT NULL DEFAULT '',
    received_at  BIGINT NOT NULL,
    answered_at  BIGINT,
    closed_at    BIGINT,
    updated_at   BIGINT NOT NULL,
    operator     TEXT NOT NULL
);
CREATE INDEX complaints_open ON complaints(closed_at, received_at);
CREATE INDEX complaints_about ON complaints(about_reg_no) WHERE about_reg_no IS NOT NULL;
CREATE INDEX complaints_received ON complaints(received_at);
CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
    FOR EACH ROW EXECUTE FUNCTION loket_refuse('complaints are never deleted');
CREATE TRIGGER complaints_no_truncate BEFORE TRUNCATE ON complaints
    FOR EACH STATEMENT EXECUTE FUNCTION loket_refuse('complaints are never deleted');

CREATE TABLE complaint_events (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints(id),
    at           BIGINT NOT NULL,
    operator     TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('received','answered','closed')),
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, id);
SELECT loket_append_only('complaint_events');

CREATE FUNCTION complaint_events_log() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator,
           CASE NEW.action WHEN 'received' THEN 'pengaduan_diterima'
                           WHEN 'answered' THEN 'pengaduan_dijawab'
                           ELSE 'pengaduan_ditutup' END,
           (SELECT r.id FROM requests r WHERE r.reg_no = c.about_reg_no),
           c.reg_no
    FROM complaints c WHERE c.id = NEW.complaint_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER complaint_events_log AFTER INSERT ON complaint_events
    FOR EACH ROW EXECUTE FUNCTION complaint_events_log();

-- ---------------------------------------------------------------------
-- The first entry says when the log began (0005): as on SQLite, it has no
-- origin (''), so its hash is the six-field one, and it says 'skema 5'.
-- ---------------------------------------------------------------------
INSERT INTO access_log_append (at, operator, action, request_id, detail, origin)
VALUES (floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint,
        'sistem', 'log_dimulai', NULL, 'skema 5', '');

-- ---------------------------------------------------------------------
-- Privileges of a desk's login role. An append-only table gets SELECT and
-- INSERT only; the others SELECT, INSERT and UPDATE (the Loket code deletes
-- no row anywhere, so no DELETE); loket_meta is read-only. A desk role is
-- neither owner nor superuser, so it cannot disable the refusing triggers
-- either. Call as the schema's owner: SELECT loket_grant_desk('desk_role');
-- ---------------------------------------------------------------------
CREATE FUNCTION loket_grant_desk(role_name text) RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT
AS $$
DECLARE
    v_schema name;
    t        text;
BEGIN
    SELECT n.nspname INTO v_schema
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = to_regclass('access_log');
    IF v_schema IS NULL THEN
        RAISE EXCEPTION 'loket_grant_desk: no Loket schema on the search_path';
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', v_schema, role_name);
    FOREACH t IN ARRAY ARRAY[
        'access_log', 'request_events', 'document_events', 'verification_versions',
        'request_merges', 'request_separations', 'document_moves', 'delivery_events',
        'complaint_events', 'document_purges', 'document_file_deletions', 'retention_runs',
        'access_log_append']
    LOOP
        EXECUTE format('GRANT SELECT, INSERT ON TABLE %I.%I TO %I', v_schema, t, role_name);
    END LOOP;
    FOREACH t IN ARRAY ARRAY[
        'requests', 'reg_counters', 'settings', 'documents', 'accounts', 'deliveries',
        'complaints']
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON TABLE %I.%I TO %I', v_schema, t, role_name);
    END LOOP;
    -- Files are added once and never changed; retention deletes them.
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON TABLE %I.document_files TO %I',
                   v_schema, role_name);
    EXECUTE format('GRANT SELECT ON TABLE %I.loket_meta TO %I', v_schema, role_name);
    -- The name index is kept by its trigger (as the owner); desks read it.
    EXECUTE format('GRANT SELECT ON TABLE %I.request_name_prefixes TO %I',
                   v_schema, role_name);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I',
                   v_schema, role_name);
END
$$;
REVOKE ALL ON FUNCTION loket_grant_desk(text) FROM PUBLIC;

-- ---------------------------------------------------------------------
-- What this database is (SQLite: PRAGMA application_id, user_version).
-- ---------------------------------------------------------------------
CREATE TABLE loket_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO loket_meta (key, value) VALUES ('application_id', 'LOKT'), ('schema_version', '8');
