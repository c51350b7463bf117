-- 7: photo retention. A document's files (original, display copies,
-- thumbnails) are deleted a set number of days after its request closed;
-- the documents row, its sha256 and every event stay. The tables below are
-- append-only records: a purge, a deletion or a run is never edited or
-- undone in place.

-- One row per purged document: when, under which rule and period, and the
-- moment its retention clock started (the request's close, or later when the
-- document arrived or was moved onto the request afterwards).
CREATE TABLE document_purges (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
    purged_at   INTEGER NOT NULL,
    rule        TEXT NOT NULL CHECK (rule IN ('retention')),
    days        INTEGER NOT NULL CHECK (days > 0),
    clock_from  INTEGER NOT NULL,
    operator    TEXT NOT NULL
);
CREATE TRIGGER document_purges_append_only_update BEFORE UPDATE ON document_purges BEGIN
    SELECT RAISE(ABORT, 'document_purges is append-only');
END;
CREATE TRIGGER document_purges_append_only_delete BEFORE DELETE ON document_purges BEGIN
    SELECT RAISE(ABORT, 'document_purges is append-only');
END;

-- The purge mirrored on the document, so that the documents still to be
-- judged are an index of their own (a year of history holds millions of
-- purged rows; a daily run reads only the rest). Set by the purge row only,
-- once.
ALTER TABLE documents ADD COLUMN purged_at INTEGER;
CREATE INDEX documents_unpurged ON documents(request_id) WHERE purged_at IS NULL;
CREATE TRIGGER documents_purged_only_by_purge BEFORE UPDATE OF purged_at ON documents
    WHEN old.purged_at IS NOT NULL OR new.purged_at IS NULL
      OR NOT EXISTS (SELECT 1 FROM document_purges p
                     WHERE p.document_id = new.id AND p.purged_at = new.purged_at)
    BEGIN
    SELECT RAISE(ABORT, 'documents: purged_at is set once, by its document_purges row');
END;
CREATE TRIGGER document_purges_mark AFTER INSERT ON document_purges BEGIN
    UPDATE documents SET purged_at = new.purged_at WHERE id = new.document_id;
END;

-- The files of one content (sha256) were deleted once every document row
-- using it was purged, up to and including purge `upto_purge_id`.
CREATE TABLE document_file_deletions (
    id            INTEGER PRIMARY KEY,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    upto_purge_id INTEGER NOT NULL REFERENCES document_purges(id),
    deleted_at    INTEGER NOT NULL,
    files         INTEGER NOT NULL CHECK (files >= 0),
    bytes         INTEGER NOT NULL CHECK (bytes >= 0)
);
CREATE INDEX document_file_deletions_sha256 ON document_file_deletions(sha256, upto_purge_id);
CREATE TRIGGER document_file_deletions_append_only_update BEFORE UPDATE ON document_file_deletions BEGIN
    SELECT RAISE(ABORT, 'document_file_deletions is append-only');
END;
CREATE TRIGGER document_file_deletions_append_only_delete BEFORE DELETE ON document_file_deletions BEGIN
    SELECT RAISE(ABORT, 'document_file_deletions is append-only');
END;

-- One row per finished retention run. Every purge up to `handled_upto` had
-- its content's files dealt with (deleted, or still used by an unpurged
-- document, whose own purge comes later with a higher id), so the next run
-- looks only at newer purges. A run that dies early writes no row: the next
-- one starts from the same place.
CREATE TABLE retention_runs (
    id               INTEGER PRIMARY KEY,
    at               INTEGER NOT NULL,
    operator         TEXT NOT NULL,
    days             INTEGER NOT NULL CHECK (days > 0),
    purged           INTEGER NOT NULL,
    contents_deleted INTEGER NOT NULL,
    files_deleted    INTEGER NOT NULL,
    bytes_freed      INTEGER NOT NULL,
    contents_left    INTEGER NOT NULL,
    handled_upto     INTEGER NOT NULL
);
CREATE TRIGGER retention_runs_append_only_update BEFORE UPDATE ON retention_runs BEGIN
    SELECT RAISE(ABORT, 'retention_runs is append-only');
END;
CREATE TRIGGER retention_runs_append_only_delete BEFORE DELETE ON retention_runs BEGIN
    SELECT RAISE(ABORT, 'retention_runs is append-only');
END;

-- A purge is a change to a request's documents: in the access log (0005).
CREATE TRIGGER document_purges_log AFTER INSERT ON document_purges BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.purged_at, NEW.operator, 'dokumen_dihapus_retensi', d.request_id,
           'dokumen ' || d.id || ' (' || d.kind || '), ' || NEW.days || ' hari'
    FROM documents d WHERE d.id = NEW.document_id;
END;
