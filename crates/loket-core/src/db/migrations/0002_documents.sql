-- 2: documents (KK/KTP photos and PDFs) of a request, and their append-only events.
-- The files themselves live in <data>/documents/, named by sha256 (documents/store.rs).
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    request_id    INTEGER NOT NULL REFERENCES requests(id),
    kind          TEXT NOT NULL CHECK (kind IN ('ktp','kk','other')),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    format        TEXT NOT NULL CHECK (format IN ('jpeg','png','webp','pdf')),
    width         INTEGER NOT NULL CHECK (width > 0),
    height        INTEGER NOT NULL CHECK (height > 0),
    pages         INTEGER NOT NULL DEFAULT 1 CHECK (pages > 0),
    bytes         INTEGER NOT NULL CHECK (bytes > 0),
    file_name     TEXT NOT NULL DEFAULT '',
    added_at      INTEGER NOT NULL,
    operator      TEXT NOT NULL,
    removed_at    INTEGER,
    removed_by    TEXT,
    remove_reason TEXT,
    CHECK ((removed_at IS NULL) = (removed_by IS NULL))
);
CREATE INDEX documents_request ON documents(request_id, id);
CREATE INDEX documents_sha256 ON documents(sha256);
-- The same bytes are one active document of a request at most.
CREATE UNIQUE INDEX documents_request_sha256_active ON documents(request_id, sha256)
    WHERE removed_at IS NULL;

-- Only the kind may change, and a document may be removed once; what was
-- received, when and by whom never changes, and a row is never deleted.
CREATE TRIGGER documents_fixed_columns BEFORE UPDATE OF
    id, request_id, sha256, format, width, height, pages, bytes, file_name, added_at, operator
    ON documents BEGIN
    SELECT RAISE(ABORT, 'documents: only kind and removal may change');
END;
CREATE TRIGGER documents_removed_once BEFORE UPDATE OF removed_at, removed_by, remove_reason
    ON documents WHEN old.removed_at IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'documents: a removal is final');
END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents BEGIN
    SELECT RAISE(ABORT, 'documents: rows are never deleted; remove sets removed_at');
END;

CREATE TABLE document_events (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    at          INTEGER NOT NULL,
    operator    TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('added','removed','kind_changed')),
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_events_document ON document_events(document_id, id);
CREATE TRIGGER document_events_append_only_update BEFORE UPDATE ON document_events BEGIN
    SELECT RAISE(ABORT, 'document_events is append-only');
END;
CREATE TRIGGER document_events_append_only_delete BEFORE DELETE ON document_events BEGIN
    SELECT RAISE(ABORT, 'document_events is append-only');
END;
