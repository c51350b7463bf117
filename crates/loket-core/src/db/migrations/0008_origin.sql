-- Where each access-log entry came from: the desk app ('app') or loket-cli
-- ('cli'). The process says it through loket_origin(), registered on every
-- connection, so the triggers of the event tables mark their entries too,
-- and a Rust caller may name it (NEW.origin). The origin is hashed into the
-- chain; entries written before this schema keep origin '' and their old
-- hash (audit/chain.rs).
ALTER TABLE access_log ADD COLUMN origin TEXT NOT NULL DEFAULT ''
    CHECK (origin IN ('', 'app', 'cli'));

DROP TRIGGER access_log_append_insert;
DROP VIEW access_log_append;
CREATE VIEW access_log_append (at, operator, action, request_id, detail, origin) AS
    SELECT at, operator, action, request_id, detail, origin FROM access_log;
CREATE TRIGGER access_log_append_insert INSTEAD OF INSERT ON access_log_append BEGIN
    INSERT INTO access_log (at, operator, action, request_id, detail, origin, prev_hash, hash)
    SELECT NEW.at, NEW.operator, NEW.action, NEW.request_id, coalesce(NEW.detail, ''), o.origin,
           p.prev,
           loket_audit_hash(p.prev, NEW.at, NEW.operator, NEW.action, NEW.request_id,
                            coalesce(NEW.detail, ''), o.origin)
    FROM (SELECT coalesce((SELECT hash FROM access_log ORDER BY id DESC LIMIT 1),
                          '0000000000000000000000000000000000000000000000000000000000000000') AS prev) p,
         (SELECT coalesce(NEW.origin, loket_origin()) AS origin) o;
END;
