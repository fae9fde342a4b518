-- V3: who may use PaxCare, and what gate agents record by hand on their tablets.

-- Staff and systems that sign in with a password. Passengers sign in with PNR and surname (no row here);
-- partner systems use API keys from configuration. A user's scope is bound to its role: a gate agent to a
-- station, crew to one flight on one day.
CREATE TABLE app_user (
  username       text        PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{2,40}$'),
  password_hash  text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  role           text        NOT NULL CHECK (role IN ('admin', 'ops', 'care', 'gate', 'crew', 'feed')),
  station        text        CHECK (station ~ '^[A-Z]{3}$'),
  flight_no      text        CHECK (flight_no ~ '^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$'),
  flight_date    date,
  created_at     timestamptz NOT NULL DEFAULT now(),
  created_by     text        NOT NULL,
  CONSTRAINT user_scope_fits_role CHECK (
        (role = 'gate') = (station IS NOT NULL)
    AND (role = 'crew') = (flight_no IS NOT NULL)
    AND (flight_no IS NULL) = (flight_date IS NULL))
);

-- The agent saw the alert (the escalation clock of a gate is the people, not the database).
ALTER TABLE gate_alert ADD COLUMN acknowledged_at timestamptz;
ALTER TABLE gate_alert ADD COLUMN acknowledged_by text;
CREATE INDEX gate_alert_by_station ON gate_alert (station, id);

-- The meal voucher was handed to the passenger, not only issued by the system.
ALTER TABLE care_provision ADD COLUMN handed_over_at timestamptz;
ALTER TABLE care_provision ADD COLUMN handed_over_by text;

-- The ramp took a recalled passenger's bag off the aircraft (positive passenger-bag match).
CREATE TABLE bag_offload (
  case_id       uuid        NOT NULL REFERENCES care_case (id),
  tag           text        NOT NULL CHECK (tag ~ '^[0-9]{10}$'),
  offloaded_at  timestamptz NOT NULL DEFAULT now(),
  offloaded_by  text        NOT NULL,
  PRIMARY KEY (case_id, tag)
);
