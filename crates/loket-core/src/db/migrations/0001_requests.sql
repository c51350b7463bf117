-- 1: requests of the NIK-validation service, their append-only events,
-- per-day registration counters, settings.
CREATE TABLE requests (
    id          INTEGER PRIMARY KEY,
    reg_no      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_norm   TEXT NOT NULL,
    phone       TEXT NOT NULL,
    nik         TEXT CHECK (nik IS NULL OR (length(nik) = 16 AND nik NOT GLOB '*[^0-9]*')),
    kk          TEXT CHECK (kk IS NULL OR (length(kk) = 16 AND kk NOT GLOB '*[^0-9]*')),
    category    TEXT NOT NULL CHECK (category IN ('bpjs','bank','school','sim','voter_list','other')),
    problem     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('received','verifying','waiting_citizen','done','replied')),
    outcome     TEXT CHECK (outcome IS NULL OR outcome IN ('updated','updated_pending_sync','duplicate_nik','not_recorded','data_mismatch','resend_needed')),
    received_at INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
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

-- Word-prefix search over names ("SITI" finds "NUR SITI AMINAH").
CREATE VIRTUAL TABLE requests_fts USING fts5(
    name_norm, content='requests', content_rowid='id',
    tokenize='unicode61', prefix='1 2 3 4 5 6'
);
CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
    INSERT INTO requests_fts(rowid, name_norm) VALUES (new.id, new.name_norm);
END;
CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
    INSERT INTO requests_fts(requests_fts, rowid, name_norm) VALUES ('delete', old.id, old.name_norm);
END;
CREATE TRIGGER requests_fts_update AFTER UPDATE OF name_norm ON requests BEGIN
    INSERT INTO requests_fts(requests_fts, rowid, name_norm) VALUES ('delete', old.id, old.name_norm);
    INSERT INTO requests_fts(rowid, name_norm) VALUES (new.id, new.name_norm);
END;

CREATE TABLE request_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    at          INTEGER NOT NULL,
    operator    TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    outcome     TEXT,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_events_request ON request_events(request_id, id);
CREATE TRIGGER request_events_append_only_update BEFORE UPDATE ON request_events BEGIN
    SELECT RAISE(ABORT, 'request_events is append-only');
END;
CREATE TRIGGER request_events_append_only_delete BEFORE DELETE ON request_events BEGIN
    SELECT RAISE(ABORT, 'request_events is append-only');
END;

CREATE TABLE reg_counters (
    series TEXT NOT NULL,
    day    TEXT NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (series, day)
) WITHOUT ROWID;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
