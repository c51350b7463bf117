-- 4: re-sends. A request merged into another (the duplicate is closed, its
-- documents move to the request that carries on), and pairs an operator
-- looked at and kept apart. Both are append-only records: a merge or a
-- "these are different" decision is never edited or undone in place.

-- One row per merged request: it is closed (status done, no outcome: none of
-- the outcomes fits "nothing to do, handled in another request") and this row
-- says where it went. request_id is the primary key, so a request merges once.
CREATE TABLE request_merges (
    request_id INTEGER PRIMARY KEY REFERENCES requests(id),
    into_id    INTEGER NOT NULL REFERENCES requests(id) CHECK (into_id <> request_id),
    at         INTEGER NOT NULL,
    operator   TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX request_merges_into ON request_merges(into_id);
CREATE TRIGGER request_merges_append_only_update BEFORE UPDATE ON request_merges BEGIN
    SELECT RAISE(ABORT, 'request_merges is append-only');
END;
CREATE TRIGGER request_merges_append_only_delete BEFORE DELETE ON request_merges BEGIN
    SELECT RAISE(ABORT, 'request_merges is append-only');
END;

-- Pairs an operator decided are different requests (same phone of a family,
-- same KK of two members...): the duplicate warning is not shown again for
-- them. Stored once per pair, smaller id first.
CREATE TABLE request_separations (
    a_id     INTEGER NOT NULL REFERENCES requests(id),
    b_id     INTEGER NOT NULL REFERENCES requests(id),
    at       INTEGER NOT NULL,
    operator TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    PRIMARY KEY (a_id, b_id),
    CHECK (a_id < b_id)
) WITHOUT ROWID;
CREATE INDEX request_separations_b ON request_separations(b_id, a_id);
CREATE TRIGGER request_separations_append_only_update BEFORE UPDATE ON request_separations BEGIN
    SELECT RAISE(ABORT, 'request_separations is append-only');
END;
CREATE TRIGGER request_separations_append_only_delete BEFORE DELETE ON request_separations BEGIN
    SELECT RAISE(ABORT, 'request_separations is append-only');
END;

-- Where a document came from when a merge moved it (document_events.action
-- has a fixed CHECK list, so moves are recorded here instead).
CREATE TABLE document_moves (
    id              INTEGER PRIMARY KEY,
    document_id     INTEGER NOT NULL REFERENCES documents(id),
    from_request_id INTEGER NOT NULL REFERENCES requests(id),
    to_request_id   INTEGER NOT NULL REFERENCES requests(id),
    at              INTEGER NOT NULL,
    operator        TEXT NOT NULL
);
CREATE INDEX document_moves_document ON document_moves(document_id, id);
CREATE TRIGGER document_moves_append_only_update BEFORE UPDATE ON document_moves BEGIN
    SELECT RAISE(ABORT, 'document_moves is append-only');
END;
CREATE TRIGGER document_moves_append_only_delete BEFORE DELETE ON document_moves BEGIN
    SELECT RAISE(ABORT, 'document_moves is append-only');
END;

-- 0002 froze request_id with the other received facts. A merge is the one
-- legitimate reason to change it: the trigger is recreated without
-- request_id, and a second one allows a new request_id only from a merged
-- request to the request it was merged into (and only with its move recorded).
DROP TRIGGER documents_fixed_columns;
CREATE TRIGGER documents_fixed_columns BEFORE UPDATE OF
    id, sha256, format, width, height, pages, bytes, file_name, added_at, operator
    ON documents BEGIN
    SELECT RAISE(ABORT, 'documents: only kind and removal may change');
END;
CREATE TRIGGER documents_request_only_by_merge BEFORE UPDATE OF request_id ON documents
    WHEN new.request_id IS NOT old.request_id
     AND NOT (EXISTS (SELECT 1 FROM request_merges m
                      WHERE m.request_id = old.request_id AND m.into_id = new.request_id)
              AND EXISTS (SELECT 1 FROM document_moves v
                          WHERE v.document_id = old.id AND v.from_request_id = old.request_id
                            AND v.to_request_id = new.request_id))
    BEGIN
    SELECT RAISE(ABORT, 'documents: request_id changes only by a recorded merge');
END;
