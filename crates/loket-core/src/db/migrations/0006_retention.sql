-- 6: photo retention. A document's files (original, display copies,
-- thumbnails) are deleted a set number of days after its request closed;
-- the documents row, its sha256 and every event stay. Both tables are
-- append-only records: a purge is never edited or undone in place.

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

-- The files of one content (sha256) were deleted once every document row
-- using it was purged, up to and including purge `upto_purge_id`. Files are
-- deleted after the purge rows commit; a content whose newest purge is past
-- its last deletion still has files to delete (a crash in between, or the
-- same bytes added again and purged later).
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
