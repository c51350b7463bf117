-- Checks schema.sql on a PostgreSQL 15 server. Run from anywhere:
--
--   PGPASSWORD=... psql -h HOST -p PORT -U ADMIN -d DB -X \
--        -f crates/loket-core/src/db/pg/schema_check.sql
--
-- ADMIN must be able to create schemas and roles. It builds the schema
-- loket_schema_check (dropped first if a run left it), creates the role
-- loket_desk_check (NOLOGIN), stops at the first failed check (exit code 3)
-- and drops both when every check passed. The expected hashes were computed
-- by a Python reimplementation of functions.rs entry_hash (hashlib.sha256,
-- struct.pack('<Q') for lengths, struct.pack('<q') for integers).

\set ON_ERROR_STOP on
\set QUIET on
\pset footer off
SET client_min_messages = warning;

-- A fresh schema and role --------------------------------------------------
DROP SCHEMA IF EXISTS loket_schema_check CASCADE;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'loket_desk_check') THEN
        EXECUTE 'DROP OWNED BY loket_desk_check';
        EXECUTE 'DROP ROLE loket_desk_check';
    END IF;
END
$$;
CREATE SCHEMA loket_schema_check;
SET search_path = loket_schema_check;

-- The schema, in one transaction (as the Rust code's batch_execute runs it).
BEGIN;
\ir schema.sql
COMMIT;

-- expect_error(sql, message part): the statement must fail with a message
-- containing the part; its effects are rolled back either way.
CREATE FUNCTION pg_temp.expect_error(stmt text, part text) RETURNS text
    LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE stmt;
    EXCEPTION WHEN OTHERS THEN
        IF position(part IN SQLERRM) = 0 THEN
            RAISE EXCEPTION 'FAIL: % raised "%", expected "%"', stmt, SQLERRM, part;
        END IF;
        RETURN 'refused: ' || SQLERRM;
    END;
    RAISE EXCEPTION 'FAIL: % succeeded, expected an error "%"', stmt, part;
END
$$;

-- check(ok, what): stops the script when ok is not true.
CREATE FUNCTION pg_temp.check(ok boolean, what text) RETURNS text
    LANGUAGE plpgsql AS $$
BEGIN
    IF ok IS NOT TRUE THEN
        RAISE EXCEPTION 'FAIL: %', what;
    END IF;
    RETURN 'ok: ' || what;
END
$$;

\echo '== schema'
SELECT pg_temp.check(
    (SELECT count(*) FROM pg_tables WHERE schemaname = 'loket_schema_check') = 22,
    '19 Loket tables, document_files, request_name_prefixes and loket_meta');
SELECT pg_temp.check(NOT EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_schema = 'loket_schema_check'
          AND data_type IN ('integer', 'smallint', 'numeric', 'real')),
    'every integer column is BIGINT');
SELECT pg_temp.check(
    (SELECT string_agg(key || '=' || value, ',' ORDER BY key) FROM loket_meta)
        = 'application_id=LOKT,schema_version=8',
    'loket_meta: application_id LOKT, schema_version 8');

\echo '== the hash against Python (functions.rs entry_hash)'
SELECT name, got, got = expected AS matches
FROM (VALUES
    ('A: Rina, request 1, origin app',
     loket_audit_hash(repeat('0', 64), 1795000000000, 'Rina', 'permohonan_dibuat', 1, 'diterima', 'app'),
     'b736655c55454cd1713a16a27c6be4da4c390db9c4092c0162fc9c225e45cb53'),
    ('B: request NULL, origin empty',
     loket_audit_hash(repeat('0', 64), 1795000000000, 'Rina', 'permohonan_dibuat', NULL, 'diterima', ''),
     'd40f98873b69aa9c3b6a7e642a5b6cd9c8c8f25f912eb68e4f7a3d8f5ce9a493'),
    ('B6: six-argument form of B',
     loket_audit_hash(repeat('0', 64), 1795000000000, 'Rina', 'permohonan_dibuat', NULL, 'diterima'),
     'd40f98873b69aa9c3b6a7e642a5b6cd9c8c8f25f912eb68e4f7a3d8f5ce9a493'),
    ('C: non-ASCII, negative at and id',
     loket_audit_hash(repeat('0', 64), -1795000000000, 'Sité → ✓', 'status_diubah', -7, 'Sité → ✓ (diterima)', 'cli'),
     'd541b86a13660c88b5dd8de4a90b5f98a4d722b4355baddbd913d76b63e6c121'),
    ('D: at -1, empty detail, no origin',
     loket_audit_hash(repeat('a', 64), -1, 'Sité → ✓', 'log_dimulai', NULL, '', ''),
     '0547987481c3541df2e54a0423370bd393ca6f927465b81150bee4aa25b0d059')
) AS t(name, got, expected);
SELECT pg_temp.check(
    loket_audit_hash(repeat('0', 64), 1795000000000, 'Rina', 'permohonan_dibuat', 1, 'diterima', 'app')
        = 'b736655c55454cd1713a16a27c6be4da4c390db9c4092c0162fc9c225e45cb53'
    AND loket_audit_hash(repeat('0', 64), 1795000000000, 'Rina', 'permohonan_dibuat', NULL, 'diterima', '')
        = 'd40f98873b69aa9c3b6a7e642a5b6cd9c8c8f25f912eb68e4f7a3d8f5ce9a493'
    AND loket_audit_hash(repeat('0', 64), 1795000000000, 'Rina', 'permohonan_dibuat', NULL, 'diterima')
        = 'd40f98873b69aa9c3b6a7e642a5b6cd9c8c8f25f912eb68e4f7a3d8f5ce9a493'
    AND loket_audit_hash(repeat('0', 64), -1795000000000, 'Sité → ✓', 'status_diubah', -7, 'Sité → ✓ (diterima)', 'cli')
        = 'd541b86a13660c88b5dd8de4a90b5f98a4d722b4355baddbd913d76b63e6c121'
    AND loket_audit_hash(repeat('a', 64), -1, 'Sité → ✓', 'log_dimulai', NULL, '', '')
        = '0547987481c3541df2e54a0423370bd393ca6f927465b81150bee4aa25b0d059',
    'all five hashes equal Python''s');
SELECT pg_temp.check(loket_origin() = 'app', 'loket_origin() is app by default');

\echo '== a request and its event land in the chain'
INSERT INTO requests (reg_no, name, name_norm, phone, nik, category, status,
                      received_at, updated_at, operator)
VALUES ('VN-261125-0001', 'Nur Siti Aminah', 'NUR SITI AMINAH', '081234567890',
        '3516024512900003', 'bpjs', 'received', 1795000000000, 1795000000000, 'Rina')
RETURNING id AS request_id \gset
INSERT INTO request_events (request_id, at, operator, from_status, to_status)
VALUES (:request_id, 1795000000000, 'Rina', NULL, 'received');
INSERT INTO request_events (request_id, at, operator, from_status, to_status, outcome)
VALUES (:request_id, 1795000060000, 'Rina', 'received', 'done', 'updated');

SELECT id, at, operator, action, request_id, detail, origin, prev_hash, hash
FROM access_log ORDER BY id;

-- Entry 1 is the log's start, as SQLite's migration 0005 writes it: the
-- first link of the chain (prev_hash 64 zeros), no origin.
SELECT pg_temp.check(
    (SELECT prev_hash = repeat('0', 64) AND action = 'log_dimulai' AND detail = 'skema 5'
            AND origin = '' AND request_id IS NULL
     FROM access_log ORDER BY id LIMIT 1),
    'the first entry (log_dimulai) has prev_hash = 64 zeros');
SELECT pg_temp.check(
    (SELECT l.prev_hash = (SELECT hash FROM access_log WHERE id < l.id ORDER BY id DESC LIMIT 1)
            AND l.action = 'permohonan_dibuat' AND l.detail = 'received' AND l.origin = 'app'
            AND l.request_id = :request_id AND l.operator = 'Rina' AND l.at = 1795000000000
     FROM access_log l WHERE l.action = 'permohonan_dibuat'),
    'the request''s entry links to the entry before it, origin app');
SELECT pg_temp.check(
    (SELECT detail FROM access_log WHERE action = 'status_diubah') = 'received → done (updated)',
    'status change detail: received → done (updated)');
SELECT pg_temp.check(NOT EXISTS (
        SELECT 1 FROM (SELECT l.*, lag(hash) OVER (ORDER BY id) AS before FROM access_log l) x
        WHERE prev_hash <> coalesce(before, repeat('0', 64))
           OR hash <> loket_audit_hash(prev_hash, at, operator, action, request_id, detail, origin)),
    'the whole chain: every prev_hash and hash recomputes');

\echo '== origin: the session setting, or the caller''s'
BEGIN;
SET LOCAL loket.origin = 'cli';
INSERT INTO request_events (request_id, at, operator, from_status, to_status)
VALUES (:request_id, 1795000120000, 'Rina', 'done', 'replied');
INSERT INTO access_log_append (at, operator, action, request_id, detail, origin)
VALUES (1795000130000, 'Rina', 'bukti_dicetak', :request_id, 'roll80', 'app');
COMMIT;
SELECT pg_temp.check(
    (SELECT string_agg(origin, ',' ORDER BY id) FROM access_log
     WHERE action IN ('status_diubah', 'bukti_dicetak') AND at >= 1795000120000) = 'cli,app',
    'SET loket.origin = ''cli'' marks trigger entries; an explicit origin wins');
SELECT pg_temp.check(loket_origin() = 'app', 'SET LOCAL ended with its transaction');

\echo '== append-only and never-deleted tables refuse'
SELECT pg_temp.expect_error('UPDATE access_log SET detail = ''x''', 'access_log is append-only');
SELECT pg_temp.expect_error('DELETE FROM access_log', 'access_log is append-only');
SELECT pg_temp.expect_error('TRUNCATE access_log CASCADE', 'access_log is append-only');
SELECT pg_temp.expect_error('UPDATE request_events SET note = ''x''', 'request_events is append-only');
SELECT pg_temp.expect_error('DELETE FROM request_events', 'request_events is append-only');
SELECT pg_temp.expect_error('TRUNCATE request_events', 'request_events is append-only');
SELECT pg_temp.expect_error('DELETE FROM requests', 'violates foreign key constraint');
SELECT pg_temp.expect_error(
    'INSERT INTO access_log_append (at, operator, action, detail, origin) VALUES (1, ''R'', ''x'', '''', ''web'')',
    'access_log_origin_check');
SELECT pg_temp.expect_error(
    'INSERT INTO requests (reg_no, name, name_norm, phone, nik, category, status, received_at, updated_at, operator)
     VALUES (''VN-X'', ''x'', ''X'', ''0'', ''35160245129000AB'', ''bpjs'', ''received'', 1, 1, ''R'')',
    'requests_nik_check');

\echo '== documents: kind may change, a removal is final, moves only by merge, purge once'
INSERT INTO requests (reg_no, name, name_norm, phone, category, status, received_at, updated_at, operator)
VALUES ('VN-261125-0002', 'Siti', 'SITI', '081234567890', 'bpjs', 'received', 1795000200000, 1795000200000, 'Sari')
RETURNING id AS dup_id \gset
INSERT INTO documents (request_id, kind, sha256, format, width, height, bytes, added_at, operator)
VALUES (:dup_id, 'ktp', repeat('ab', 32), 'jpeg', 800, 500, 120000, 1795000210000, 'Sari')
RETURNING id AS doc_id \gset
INSERT INTO document_events (document_id, at, operator, action)
VALUES (:doc_id, 1795000210000, 'Sari', 'added');
UPDATE documents SET kind = 'kk' WHERE id = :doc_id;
SELECT pg_temp.expect_error(format('UPDATE documents SET sha256 = repeat(''cd'', 32) WHERE id = %s', :doc_id),
                            'documents: only kind and removal may change');
SELECT pg_temp.expect_error(format('UPDATE documents SET request_id = %s WHERE id = %s', :request_id, :doc_id),
                            'documents: request_id changes only by a recorded merge');
SELECT pg_temp.expect_error(format('UPDATE documents SET purged_at = 5 WHERE id = %s', :doc_id),
                            'documents: purged_at is set once, by its document_purges row');
SELECT pg_temp.expect_error('DELETE FROM documents', 'documents: rows are never deleted; remove sets removed_at');
INSERT INTO request_merges (request_id, into_id, at, operator, reason)
VALUES (:dup_id, :request_id, 1795000220000, 'Rina', 'kiriman ulang');
INSERT INTO document_moves (document_id, from_request_id, to_request_id, at, operator)
VALUES (:doc_id, :dup_id, :request_id, 1795000220000, 'Rina');
UPDATE documents SET request_id = :request_id WHERE id = :doc_id;
INSERT INTO request_separations (a_id, b_id, at, operator, reason)
VALUES (:request_id, :dup_id, 1795000230000, 'Rina', 'beda orang')
ON CONFLICT DO NOTHING;
INSERT INTO request_separations (a_id, b_id, at, operator, reason)
VALUES (:request_id, :dup_id, 1795000240000, 'Rina', 'lagi')
ON CONFLICT DO NOTHING;
INSERT INTO document_purges (document_id, purged_at, rule, days, clock_from, operator)
VALUES (:doc_id, 1795000300000, 'retention', 30, 1795000060000, 'sistem');
SELECT pg_temp.check((SELECT purged_at FROM documents WHERE id = :doc_id) = 1795000300000,
                     'a purge row marks its document');
SELECT pg_temp.expect_error(format('UPDATE documents SET purged_at = 1 WHERE id = %s', :doc_id),
                            'documents: purged_at is set once');
UPDATE documents SET removed_at = 1795000310000, removed_by = 'Rina', remove_reason = 'salah'
WHERE id = :doc_id;
SELECT pg_temp.expect_error(format('UPDATE documents SET remove_reason = ''lain'' WHERE id = %s', :doc_id),
                            'documents: a removal is final');
SELECT id, action, request_id, detail FROM access_log WHERE at BETWEEN 1795000200000 AND 1795000300000 ORDER BY id;
SELECT pg_temp.check(
    (SELECT string_agg(action || ': ' || detail, ' | ' ORDER BY id) FROM access_log
     WHERE at BETWEEN 1795000200000 AND 1795000300000)
    = format('dokumen_ditambah: dokumen %s (ktp) | '
             'permohonan_digabung: ke VN-261125-0001 | dokumen_dipindah: dokumen %s dari VN-261125-0002 | '
             'tetap_terpisah: dari VN-261125-0002 | dokumen_dihapus_retensi: dokumen %s (kk), 30 hari',
             :doc_id, :doc_id, :doc_id),
    'event tables log with SQLite''s actions and details');

\echo '== NOCASE names, ILIKE pin hash, word-prefix name search'
INSERT INTO accounts (name, role, pin_hash, created_at, created_by)
VALUES ('Rina', 'supervisor', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 1, 'sistem');
SELECT pg_temp.expect_error(
    'INSERT INTO accounts (name, role, pin_hash, created_at, created_by) VALUES (''RINA'', ''operator'', ''$argon2id$x'', 2, ''Rina'')',
    'accounts_name_nocase');
INSERT INTO accounts (name, role, pin_hash, created_at, created_by)
VALUES ('Sari', 'operator', '$ARGON2ID$x', 2, 'Rina');
SELECT pg_temp.expect_error('DELETE FROM accounts', 'accounts are never deleted; a supervisor disables one');
SELECT pg_temp.check(
    (SELECT array_agg(p.request_id ORDER BY p.request_id DESC) FROM request_name_prefixes p
     WHERE p.prefix = 'SITI'
       AND EXISTS (SELECT 1 FROM request_name_prefixes q
                   WHERE q.prefix = 'AM' AND q.request_id = p.request_id))
    = ARRAY[:request_id]::bigint[],
    'word prefixes "siti am" find NUR SITI AMINAH only');

\echo '== isolation: the chain is appended under READ COMMITTED only'
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT pg_temp.expect_error(
    'INSERT INTO access_log_append (at, operator, action, detail) VALUES (1, ''R'', ''x'', '''')',
    'READ COMMITTED');
COMMIT;

\echo '== a desk role: privileges'
CREATE ROLE loket_desk_check NOLOGIN;
SELECT loket_grant_desk('loket_desk_check');
SELECT c.relname, string_agg(a.privilege_type, ',' ORDER BY a.privilege_type) AS granted
FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
WHERE c.relnamespace = 'loket_schema_check'::regnamespace
  AND a.grantee = 'loket_desk_check'::regrole
  AND c.relkind IN ('r', 'v')
GROUP BY c.relname ORDER BY c.relname;
SELECT pg_temp.check(NOT EXISTS (
        SELECT 1 FROM information_schema.role_table_grants
        WHERE grantee = 'loket_desk_check' AND table_schema = 'loket_schema_check'
          AND (privilege_type IN ('TRUNCATE', 'REFERENCES', 'TRIGGER')
               OR (privilege_type = 'DELETE' AND table_name <> 'document_files')
               OR (privilege_type = 'UPDATE' AND table_name IN (
                   'access_log', 'access_log_append', 'request_events', 'document_events',
                   'verification_versions', 'request_merges', 'request_separations',
                   'document_moves', 'delivery_events', 'complaint_events', 'document_purges',
                   'document_file_deletions', 'retention_runs', 'document_files',
                   'loket_meta')))),
    'no DELETE/TRUNCATE but on document_files (retention), no UPDATE on append-only tables');

SET ROLE loket_desk_check;
SELECT pg_temp.check(current_user = 'loket_desk_check', 'now acting as loket_desk_check');
-- What a desk does: a request, its event (the trigger appends to the chain
-- through the view), a status update, a log entry of its own.
INSERT INTO requests (reg_no, name, name_norm, phone, category, status, received_at, updated_at, operator)
VALUES ('VN-261125-0003', 'Budi', 'BUDI', '081300000000', 'sim', 'received', 1795000400000, 1795000400000, 'Sari')
RETURNING id AS desk_request \gset
INSERT INTO request_events (request_id, at, operator, from_status, to_status)
VALUES (:desk_request, 1795000400000, 'Sari', NULL, 'received');
UPDATE requests SET status = 'verifying', updated_at = 1795000410000 WHERE id = :desk_request;
INSERT INTO access_log_append (at, operator, action, request_id, detail)
VALUES (1795000420000, 'Sari', 'dokumen_dilihat', :desk_request, 'KTP');
INSERT INTO reg_counters (series, day, last) VALUES ('VN', '261125', 1)
ON CONFLICT (series, day) DO UPDATE SET last = reg_counters.last + 1;
-- What it cannot do, whatever it tries.
SELECT pg_temp.expect_error('UPDATE access_log SET detail = ''x''', 'permission denied for table access_log');
SELECT pg_temp.expect_error('DELETE FROM access_log', 'permission denied for table access_log');
SELECT pg_temp.expect_error('TRUNCATE access_log', 'permission denied for table access_log');
SELECT pg_temp.expect_error('UPDATE request_events SET note = ''x''', 'permission denied for table request_events');
SELECT pg_temp.expect_error('DELETE FROM requests', 'permission denied for table requests');
SELECT pg_temp.expect_error('ALTER TABLE access_log DISABLE TRIGGER access_log_append_only_update',
                            'must be owner of table access_log');
SELECT pg_temp.expect_error('DROP TRIGGER access_log_append_only_update ON access_log',
                            'must be owner of relation access_log');
SELECT pg_temp.expect_error('SET session_replication_role = replica',
                            'permission denied to set parameter');
SELECT pg_temp.expect_error('UPDATE loket_meta SET value = ''9''', 'permission denied for table loket_meta');
SELECT pg_temp.expect_error('SELECT loket_grant_desk(''loket_desk_check'')',
                            'permission denied for function loket_grant_desk');
RESET ROLE;
SELECT pg_temp.check(NOT EXISTS (
        SELECT 1 FROM (SELECT l.*, lag(hash) OVER (ORDER BY id) AS before FROM access_log l) x
        WHERE prev_hash <> coalesce(before, repeat('0', 64))
           OR hash <> loket_audit_hash(prev_hash, at, operator, action, request_id, detail, origin)),
    'the chain holds after the desk''s writes');

\echo '== a known entry, to compare with Python'
SELECT id, prev_hash, at, operator, action, request_id, detail, origin, hash
FROM access_log WHERE action = 'permohonan_dibuat' ORDER BY id LIMIT 1;

-- Every check passed: clean up.
DROP SCHEMA loket_schema_check CASCADE;
DROP OWNED BY loket_desk_check;
DROP ROLE loket_desk_check;
\echo '== schema_check: ALL CHECKS PASSED'
