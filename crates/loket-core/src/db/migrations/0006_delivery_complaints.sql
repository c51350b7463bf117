-- 6: POS KETANMU deliveries and Pengaduan complaints, the desk's two other
-- services; both are in the access log like the NIK requests.

-- A document delivered by post, cash on delivery. `step` is the last
-- milestone reached; the clock of each step starts at the one before.
CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY,
    reg_no       TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    phone        TEXT NOT NULL,
    village_code TEXT NOT NULL CHECK (length(village_code) = 10 AND village_code GLOB '3516*'),
    address      TEXT NOT NULL,
    documents    TEXT NOT NULL CHECK (length(documents) > 0),
    note         TEXT NOT NULL DEFAULT '',
    step         TEXT NOT NULL CHECK (step IN ('registered','processed','handed_over','delivered','paid','failed','returned')),
    requested_at INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    operator     TEXT NOT NULL,
    courier      TEXT,
    tracking_no  TEXT,
    receiver     TEXT,
    cod_amount   INTEGER CHECK (cod_amount IS NULL OR cod_amount >= 0)
);
CREATE INDEX deliveries_step ON deliveries(step, updated_at);
CREATE INDEX deliveries_requested ON deliveries(requested_at);

CREATE TABLE delivery_events (
    id          INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES deliveries(id),
    at          INTEGER NOT NULL,
    operator    TEXT NOT NULL,
    from_step   TEXT,
    to_step     TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX delivery_events_delivery ON delivery_events(delivery_id, id);
CREATE INDEX delivery_events_at ON delivery_events(to_step, at);
CREATE TRIGGER delivery_events_append_only_update BEFORE UPDATE ON delivery_events BEGIN
    SELECT RAISE(ABORT, 'delivery_events is append-only');
END;
CREATE TRIGGER delivery_events_append_only_delete BEFORE DELETE ON delivery_events BEGIN
    SELECT RAISE(ABORT, 'delivery_events is append-only');
END;
CREATE TRIGGER deliveries_no_delete BEFORE DELETE ON deliveries BEGIN
    SELECT RAISE(ABORT, 'deliveries are never deleted');
END;
CREATE TRIGGER delivery_events_log AFTER INSERT ON delivery_events BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator,
           CASE WHEN NEW.from_step IS NULL THEN 'kiriman_dibuat' ELSE 'kiriman_diubah' END,
           NULL,
           d.reg_no || ' ' || coalesce(NEW.from_step || ' → ', '') || NEW.to_step
    FROM deliveries d WHERE d.id = NEW.delivery_id;
END;

-- A complaint, optionally about a request or a delivery (`about_reg_no`).
CREATE TABLE complaints (
    id           INTEGER PRIMARY KEY,
    reg_no       TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    channel      TEXT NOT NULL CHECK (channel IN ('whatsapp','in_person','phone')),
    about_reg_no TEXT,
    category     TEXT NOT NULL CHECK (category IN ('slow','wrong_data','staff','fee','delivery','other')),
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    answer       TEXT NOT NULL DEFAULT '',
    received_at  INTEGER NOT NULL,
    answered_at  INTEGER,
    closed_at    INTEGER,
    updated_at   INTEGER NOT NULL,
    operator     TEXT NOT NULL
);
CREATE INDEX complaints_open ON complaints(closed_at, received_at);
CREATE INDEX complaints_about ON complaints(about_reg_no) WHERE about_reg_no IS NOT NULL;
CREATE INDEX complaints_received ON complaints(received_at);

CREATE TABLE complaint_events (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints(id),
    at           INTEGER NOT NULL,
    operator     TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('received','answered','closed')),
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, id);
CREATE TRIGGER complaint_events_append_only_update BEFORE UPDATE ON complaint_events BEGIN
    SELECT RAISE(ABORT, 'complaint_events is append-only');
END;
CREATE TRIGGER complaint_events_append_only_delete BEFORE DELETE ON complaint_events BEGIN
    SELECT RAISE(ABORT, 'complaint_events is append-only');
END;
CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints BEGIN
    SELECT RAISE(ABORT, 'complaints are never deleted');
END;
CREATE TRIGGER complaint_events_log AFTER INSERT ON complaint_events BEGIN
    INSERT INTO access_log_append (at, operator, action, request_id, detail)
    SELECT NEW.at, NEW.operator,
           CASE NEW.action WHEN 'received' THEN 'pengaduan_diterima'
                           WHEN 'answered' THEN 'pengaduan_dijawab'
                           ELSE 'pengaduan_ditutup' END,
           (SELECT r.id FROM requests r WHERE r.reg_no = c.about_reg_no),
           c.reg_no
    FROM complaints c WHERE c.id = NEW.complaint_id;
END;
