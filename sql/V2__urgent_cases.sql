-- Urgent passenger cases: one durable case per passenger and reason, its plan of steps, and everything the
-- steps did. PostgreSQL is the record: a node may die at any moment and another picks the work up.

CREATE TYPE case_type AS ENUM ('FAMILY_EMERGENCY', 'MEDICAL_EMERGENCY', 'BEREAVEMENT');
CREATE TYPE case_status AS ENUM ('OPEN', 'CLOSED');

CREATE TABLE care_case (
  id                 uuid        PRIMARY KEY,
  reference          text        NOT NULL UNIQUE,
  type               case_type   NOT NULL,
  status             case_status NOT NULL DEFAULT 'OPEN',
  pnr                text        NOT NULL,
  pax_id             text        NOT NULL,
  first_name         text        NOT NULL,
  last_name          text        NOT NULL,
  destination        text        NOT NULL CHECK (destination ~ '^[A-Z]{3}$'),
  note               text,
  language           text        NOT NULL,
  reporter_name      text,
  reporter_phone     text,
  reporter_email     text,
  reporter_relation  text,
  location           jsonb       NOT NULL,
  recall_status      text        CHECK (recall_status IN ('FOUND', 'DEPLANED')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  closed_at          timestamptz,
  CONSTRAINT closed_when_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
-- One open case per passenger and reason: a second report joins the open case, also when two nodes race.
CREATE UNIQUE INDEX one_open_case_per_passenger_and_reason ON care_case (pnr, pax_id, type) WHERE status = 'OPEN';
CREATE INDEX care_case_by_status ON care_case (status, created_at);

-- The same Idempotency-Key always answers the same case.
CREATE TABLE idempotency_key (
  key         text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
  case_id     uuid NOT NULL REFERENCES care_case (id),
  created     boolean NOT NULL,   -- whether that first request opened the case (201) or joined one (200)
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Everything that happened on a case, by whom or what, in order: the one file everyone reads.
CREATE TABLE case_event (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id  uuid        NOT NULL REFERENCES care_case (id),
  at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor    text        NOT NULL,
  action   text        NOT NULL,
  detail   jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX case_event_by_case ON case_event (case_id, id);

CREATE TYPE step_kind AS ENUM (
  'RECALL', 'CREW_MESSAGE', 'MEET_ON_ARRIVAL', 'REBOOK', 'BAGS', 'CARE', 'CONFIRM', 'FOLLOW_UP', 'CREW_ACK_CHECK',
  'FOLLOW_UP_CHECK');
CREATE TYPE step_status AS ENUM ('PENDING', 'DONE', 'SKIPPED', 'FAILED');

-- The plan. A step is claimed with FOR UPDATE SKIP LOCKED inside the transaction that applies its effect and
-- marks it done: if the node dies, the transaction rolls back and any node claims the step again.
CREATE TABLE case_step (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      uuid        NOT NULL REFERENCES care_case (id),
  position     integer     NOT NULL,
  kind         step_kind   NOT NULL,
  status       step_status NOT NULL DEFAULT 'PENDING',
  priority     smallint    NOT NULL DEFAULT 1,   -- 0: reaching the passenger (alerts) goes before all else
  due_at       timestamptz,             -- NULL: waits for the step before it
  attempts     integer     NOT NULL DEFAULT 0,
  result       jsonb,
  done_at      timestamptz,
  node         text,
  UNIQUE (case_id, position)
);
CREATE INDEX case_step_due ON case_step (priority, due_at) WHERE status = 'PENDING' AND due_at IS NOT NULL;
CREATE INDEX case_step_by_case ON case_step (case_id, position);

-- Alerts for a gate (or a whole station: gate '*'), e.g. recall this passenger, meet her on arrival.
CREATE TABLE gate_alert (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      uuid        NOT NULL REFERENCES care_case (id),
  station      text        NOT NULL,
  gate         text        NOT NULL,
  kind         text        NOT NULL CHECK (kind IN ('RECALL', 'MEET_ON_ARRIVAL', 'BAG_OFFLOAD', 'CARE')),
  flight_id    bigint      REFERENCES flight (id),
  payload      jsonb       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gate_alert_by_gate ON gate_alert (station, gate, id);

-- Operational messages to a flight's crew (ACARS-style uppercase text), acknowledged or escalated.
CREATE TABLE crew_message (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id          uuid        NOT NULL REFERENCES care_case (id),
  flight_id        bigint      NOT NULL REFERENCES flight (id),
  text             text        NOT NULL CHECK (length(text) <= 220 AND text = upper(text)),
  created_at       timestamptz NOT NULL DEFAULT now(),
  acknowledged_at  timestamptz,
  acknowledged_by  text,
  escalated_at     timestamptz
);
CREATE INDEX crew_message_by_flight ON crew_message (flight_id, id);

-- What ops control must look at: nobody answered in time.
CREATE TABLE escalation (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     uuid        NOT NULL REFERENCES care_case (id),
  reason      text        NOT NULL,
  detail      jsonb       NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Coupons PaxCare issues itself (rebookings) must find a free seat: see the trigger below.
ALTER TABLE segment ADD COLUMN issued_by_paxcare boolean NOT NULL DEFAULT false;
ALTER TABLE segment ADD COLUMN priority_boarding boolean NOT NULL DEFAULT false;

-- Reissued tickets: PaxCare's own serial range, clear of what the reservation system issues.
CREATE SEQUENCE ticket_serial START 8000000000;

-- A free change: the reissued ticket, with its waiver. The database refuses any charge on a waived change.
CREATE TABLE reissue (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id            uuid          NOT NULL REFERENCES care_case (id),
  pnr                text          NOT NULL,
  pax_id             text          NOT NULL,
  old_ticket         text,
  new_ticket         text          NOT NULL UNIQUE CHECK (new_ticket ~ '^[0-9]{13}$'),
  waiver_code        text,
  endorsement        text,
  fare_difference    numeric(12,2) NOT NULL CHECK (fare_difference >= 0),
  change_fee         numeric(12,2) NOT NULL CHECK (change_fee >= 0),
  currency           text          NOT NULL,
  created_at         timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT no_charge_on_waived_change
    CHECK (waiver_code IS NULL OR (fare_difference = 0 AND change_fee = 0)),
  CONSTRAINT waiver_is_endorsed CHECK ((waiver_code IS NULL) = (endorsement IS NULL))
);
CREATE UNIQUE INDEX one_reissue_per_case ON reissue (case_id);

-- Care given: a waiting area, a meal voucher.
CREATE TABLE care_provision (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     uuid          NOT NULL REFERENCES care_case (id),
  kind        text          NOT NULL CHECK (kind IN ('WAITING_AREA', 'MEAL_VOUCHER')),
  station     text          NOT NULL,
  code        text,
  amount      numeric(8,2),
  currency    text,
  created_at  timestamptz   NOT NULL DEFAULT now(),
  UNIQUE (case_id, kind)
);

-- BSMs for the baggage system (RP 1745 text), in the order they must be sent.
CREATE TABLE bsm_outbound (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     uuid        REFERENCES care_case (id),
  tag         text        NOT NULL,
  action      text        NOT NULL CHECK (action IN ('ADD', 'CHG', 'DEL')),
  text        text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Outbox of confirmations: delivered by any node, retried, with delivery status.
CREATE TYPE delivery_status AS ENUM ('PENDING', 'SENT', 'FAILED', 'LOGGED');
CREATE TABLE notification (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id          uuid        NOT NULL REFERENCES care_case (id),
  channel          text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
  audience         text        NOT NULL CHECK (audience IN ('PASSENGER', 'REPORTER')),
  recipient        text        NOT NULL,
  language         text        NOT NULL,
  subject          text,
  body             text        NOT NULL,
  status           delivery_status NOT NULL DEFAULT 'PENDING',
  attempts         integer     NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  sent_at          timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_pending ON notification (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_by_case ON notification (case_id, id);

-- The promised call back. Open until completed; an overdue one is escalated, never dropped.
CREATE TABLE followup (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id       uuid        NOT NULL UNIQUE REFERENCES care_case (id),
  due_at        timestamptz NOT NULL,
  status        text        NOT NULL DEFAULT 'DUE' CHECK (status IN ('DUE', 'DONE')),
  escalated_at  timestamptz,
  outcome       text,
  completed_by  text,
  completed_at  timestamptz,
  CONSTRAINT done_has_outcome CHECK ((status = 'DONE') = (outcome IS NOT NULL AND completed_at IS NOT NULL))
);
CREATE INDEX followup_open ON followup (due_at) WHERE status = 'DUE';

-- Seats sold, now also guarding PaxCare's own coupons: a rebooking never takes a seat that is not free.
-- (The airline's own feed may oversell, as airlines do; PaxCare never does.)
CREATE OR REPLACE FUNCTION segment_keeps_seats_sold() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_sold integer;
  seats    integer;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.flight_id = NEW.flight_id AND OLD.cabin = NEW.cabin
     AND (OLD.status = 'CANCELLED') = (NEW.status = 'CANCELLED') THEN
    RETURN NULL;  -- still holding (or still not holding) the same seat: nothing to count
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'CANCELLED' THEN
    UPDATE flight_cabin SET sold = sold - 1 WHERE flight_id = OLD.flight_id AND cabin = OLD.cabin;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'CANCELLED' THEN
    UPDATE flight_cabin SET sold = sold + 1 WHERE flight_id = NEW.flight_id AND cabin = NEW.cabin
      RETURNING sold, capacity INTO now_sold, seats;
    IF NEW.issued_by_paxcare AND now_sold > seats THEN
      RAISE EXCEPTION 'no free seat in cabin % of flight %', NEW.cabin, NEW.flight_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'no_oversold_seat';
    END IF;
  END IF;
  RETURN NULL;
END $$;
