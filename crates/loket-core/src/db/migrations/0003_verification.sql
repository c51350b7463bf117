-- 3: the operator's field-by-field verification of a request. Every save is
-- a new version (append-only), so what was checked, by whom and when, is kept.
CREATE TABLE verification_versions (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id),
    version    INTEGER NOT NULL,
    form_json  TEXT NOT NULL,
    at         INTEGER NOT NULL,
    operator   TEXT NOT NULL,
    UNIQUE (request_id, version)
);
CREATE TRIGGER verification_versions_append_only_update BEFORE UPDATE ON verification_versions BEGIN
    SELECT RAISE(ABORT, 'verification_versions is append-only');
END;
CREATE TRIGGER verification_versions_append_only_delete BEFORE DELETE ON verification_versions BEGIN
    SELECT RAISE(ABORT, 'verification_versions is append-only');
END;
