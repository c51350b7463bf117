-- 5: operator accounts and the tamper-evident access log.

-- Who may use the desk. A PIN is kept only as an argon2id hash (PHC string).
-- Accounts are never deleted (events name them); a supervisor disables one.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role          TEXT NOT NULL CHECK (role IN ('operator','supervisor')),
    pin_hash      TEXT NOT NULL CHECK (pin_hash LIKE '$argon2%'),
    created_at    INTEGER NOT NULL,
    created_by    TEXT NOT NULL,
    disabled_at   INTEGER,
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until  INTEGER NOT NULL DEFAULT 0,
    last_login_at INTEGER
);
CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts BEGIN
    SELECT RAISE(ABORT, 'accounts are never deleted; a supervisor disables one');
END;

-- The access log: every view of a document, print, export, backup and
-- change, append-only. Each entry carries the hash of the one before it and
-- its own hash over (prev_hash, at, operator, action, request_id, detail),
-- computed by loket_audit_hash (registered on every connection, see
-- audit/chain.rs), so an edited or deleted entry breaks the chain.
CREATE TABLE access_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    operator   TEXT NOT NULL,
    action     TEXT NOT NULL,
    request_id INTEGER REFERENCES requests(id),
    detail     TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash       TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX access_log_request ON access_log(request_id, id) WHERE request_id IS NOT NULL;
CREATE INDEX access_log_at ON access_log(at);
CREATE INDEX access_log_operator ON access_log(operator COLLATE NOCASE, at);
CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
END;
CREATE TRIGGER access_log_append_only_delete BEFORE DELETE ON access_log BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
END;

-- The one way in: insert into this view and the chain is extended with the
-- previous entry's hash. Rust code and the triggers below both use it.
CREATE VIEW access_log_append (at, operator, action, request_id, detail) AS
    SELECT at, operator, action, request_id, detail FROM access_log;
CREATE TRIGGER access_log_append_insert INSTEAD OF INSERT ON access_log_append BEGIN
    INSERT INTO access_log (at, operator, action, request_id, detail, prev_hash, hash)
    SELECT NEW.at, NEW.operator, NEW.action, NEW.request_id, coalesce(NEW.detail, ''), p.prev,
           loket_audit_hash(p.prev, NEW.at, NEW.operator, NEW.action, NEW.request_id,
                            coalesce(NEW.detail, ''))
    FROM (SELECT coalesce((SELECT hash FROM access_log ORDER BY id DESC LIMIT 1),
                          '0000000000000000000000000000000000000000000000000000000000000000') AS prev) p;
END;

-- Every change already lands in an append-only table with its operator;
-- these triggers put it in the chain in the same transaction, so no code
-- path can change a request without a log entry. No NIK or name is copied.
CREATE TRIGGER request_events_log AFTER INSERT ON request_events BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    VALUES (NEW.at, NEW.operator,
            CASE WHEN NEW.from_status IS NULL THEN 'permohonan_dibuat' ELSE 'status_diubah' END,
            NEW.request_id,
            coalesce(NEW.from_status || ' → ', '') || NEW.to_status || coalesce(' (' || NEW.outcome || ')', ''));
END;
CREATE TRIGGER document_events_log AFTER INSERT ON document_events BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator,
           CASE NEW.action WHEN 'added' THEN 'dokumen_ditambah'
                           WHEN 'removed' THEN 'dokumen_dihapus'
                           ELSE 'jenis_dokumen_diubah' END,
           d.request_id, 'dokumen ' || d.id || ' (' || d.kind || ')'
    FROM documents d WHERE d.id = NEW.document_id;
END;
CREATE TRIGGER verification_versions_log AFTER INSERT ON verification_versions BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    VALUES (NEW.at, NEW.operator, 'verifikasi_disimpan', NEW.request_id, 'versi ' || NEW.version);
END;
CREATE TRIGGER request_merges_log AFTER INSERT ON request_merges BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator, 'permohonan_digabung', NEW.request_id, 'ke ' || r.reg_no
    FROM requests r WHERE r.id = NEW.into_id;
END;
CREATE TRIGGER request_separations_log AFTER INSERT ON request_separations BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator, 'tetap_terpisah', NEW.a_id, 'dari ' || r.reg_no
    FROM requests r WHERE r.id = NEW.b_id;
END;
CREATE TRIGGER document_moves_log AFTER INSERT ON document_moves BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator, 'dokumen_dipindah', NEW.to_request_id,
           'dokumen ' || NEW.document_id || ' dari ' || r.reg_no
    FROM requests r WHERE r.id = NEW.from_request_id;
END;

-- The first entry says when the log began: changes before it are in the
-- event tables but not in the chain.
INSERT INTO access_log_append (at, operator, action, request_id, detail)
VALUES (CAST(unixepoch('subsec') * 1000 AS INTEGER), 'sistem', 'log_dimulai', NULL, 'skema 5');
