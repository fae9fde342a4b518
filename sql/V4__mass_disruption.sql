-- Mass disruption: a cancelled, delayed or diverted flight (or one missed connection) re-accommodates every
-- passenger it affects, by priority, against the same seat inventory as everything else.

-- A disruption opens (or joins) one case per affected passenger; these are its reasons.
ALTER TYPE case_type ADD VALUE 'FLIGHT_CANCELLED';
ALTER TYPE case_type ADD VALUE 'FLIGHT_DELAYED';
ALTER TYPE case_type ADD VALUE 'FLIGHT_DIVERTED';
ALTER TYPE case_type ADD VALUE 'MISSED_CONNECTION';

CREATE TYPE disruption_kind AS ENUM ('FLIGHT_CANCELLED', 'FLIGHT_DELAYED', 'FLIGHT_DIVERTED', 'MISSED_CONNECTION');
CREATE TYPE disruption_status AS ENUM ('SURVEYING', 'REACCOMMODATING', 'DONE');

-- One disruption of one flight. It is worked in short transactions that each hold its row locked
-- (FOR UPDATE SKIP LOCKED): one node at a time, and any node carries on when that one dies.
CREATE TABLE disruption (
  id               uuid              PRIMARY KEY,
  kind             disruption_kind   NOT NULL,
  flight_id        bigint            NOT NULL REFERENCES flight (id),
  new_departure    timestamptz,      -- FLIGHT_DELAYED: when it now leaves
  delay_minutes    integer,          -- FLIGHT_DELAYED: how much later than scheduled
  diverted_to      text              CHECK (diverted_to ~ '^[A-Z]{3}$'),
  pnr              text,             -- MISSED_CONNECTION: whose connection
  pax_id           text,
  extraordinary    boolean           NOT NULL DEFAULT false,   -- EU 261 art. 5(3): no compensation owed
  raised_by        text              NOT NULL,
  status           disruption_status NOT NULL DEFAULT 'SURVEYING',
  created_at       timestamptz       NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  CONSTRAINT delay_has_new_departure CHECK ((kind = 'FLIGHT_DELAYED') = (new_departure IS NOT NULL)),
  CONSTRAINT diversion_has_airport CHECK ((kind = 'FLIGHT_DIVERTED') = (diverted_to IS NOT NULL)),
  CONSTRAINT missed_connection_has_passenger
    CHECK ((kind = 'MISSED_CONNECTION') = (pnr IS NOT NULL AND pax_id IS NOT NULL)),
  CONSTRAINT finished_when_done CHECK ((status = 'DONE') = (finished_at IS NOT NULL))
);
-- The status feed and an ops controller reporting the same cancellation land on one disruption. (A flight may
-- be delayed again: each new delay is its own disruption.)
CREATE UNIQUE INDEX one_cancellation_or_diversion_per_flight ON disruption (flight_id, kind)
  WHERE kind IN ('FLIGHT_CANCELLED', 'FLIGHT_DIVERTED');
CREATE UNIQUE INDEX one_missed_connection_per_passenger ON disruption (flight_id, pnr, pax_id)
  WHERE kind = 'MISSED_CONNECTION';
CREATE INDEX disruption_to_work ON disruption (created_at) WHERE status <> 'DONE';

CREATE TYPE reaccommodation_status AS ENUM (
  'WAITING',           -- not yet worked
  'REACCOMMODATED',    -- new seats, new ticket, bags and notice done
  'KEPT_FLIGHT',       -- a delay she can live with: told the new time and her rights
  'WAITLISTED',        -- no seat within the horizon: waitlist position, message, call back
  'WITH_URGENT_CASE',  -- her open urgent case's own plan is rebooking her right now
  'ALREADY_MOVED',     -- she was no longer on the flight when her turn came
  'REFUNDED');         -- she chose not to travel

-- Every passenger a disruption affects, in the order they are worked, and why in that place.
CREATE TABLE disruption_passenger (
  disruption_id     uuid        NOT NULL REFERENCES disruption (id),
  pnr               text        NOT NULL,
  pax_id            text        NOT NULL,
  case_id           uuid        NOT NULL REFERENCES care_case (id),
  rank              integer     NOT NULL CHECK (rank > 0),
  priority_group    smallint    NOT NULL CHECK (priority_group BETWEEN 1 AND 5),
  reason            text        NOT NULL,
  status            reaccommodation_status NOT NULL DEFAULT 'WAITING',
  waitlist_position integer     CHECK (waitlist_position > 0),
  new_ticket        text,
  bags_rerouted     integer     NOT NULL DEFAULT 0,
  notified          boolean     NOT NULL DEFAULT false,
  rights            jsonb,
  handled_at        timestamptz,
  node              text,
  PRIMARY KEY (disruption_id, pnr, pax_id),
  UNIQUE (disruption_id, rank),
  CONSTRAINT waitlisted_has_position CHECK ((status = 'WAITLISTED') = (waitlist_position IS NOT NULL)),
  CONSTRAINT handled_when_not_waiting CHECK ((status = 'WAITING') = (handled_at IS NULL))
);
CREATE INDEX disruption_passenger_to_work ON disruption_passenger (disruption_id, rank) WHERE status = 'WAITING';
CREATE INDEX disruption_passenger_by_case ON disruption_passenger (case_id);

-- A passenger may be rebooked by her urgent case and again by a disruption of her new flight, but never twice
-- for the same reason: one reissue per urgent case, one per case and disruption.
ALTER TABLE reissue ADD COLUMN disruption_id uuid REFERENCES disruption (id);
DROP INDEX one_reissue_per_case;
CREATE UNIQUE INDEX one_reissue_per_urgent_case ON reissue (case_id) WHERE disruption_id IS NULL;
CREATE UNIQUE INDEX one_reissue_per_case_and_disruption ON reissue (case_id, disruption_id)
  WHERE disruption_id IS NOT NULL;

-- Care by rule: a hotel night when the wait crosses one (EU 261 art. 9(1)(b)).
ALTER TABLE care_provision DROP CONSTRAINT care_provision_kind_check;
ALTER TABLE care_provision ADD CONSTRAINT care_provision_kind_check
  CHECK (kind IN ('WAITING_AREA', 'MEAL_VOUCHER', 'HOTEL'));

-- A refund instead of travelling, where a rule gives one. Her unused coupons are cancelled with it.
CREATE TABLE refund (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id        uuid          NOT NULL REFERENCES care_case (id),
  disruption_id  uuid          NOT NULL REFERENCES disruption (id),
  pnr            text          NOT NULL,
  pax_id         text          NOT NULL,
  rule           text          NOT NULL,
  amount         numeric(12,2) NOT NULL CHECK (amount >= 0),
  currency       text          NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  requested_by   text          NOT NULL,
  created_at     timestamptz   NOT NULL DEFAULT now(),
  UNIQUE (disruption_id, pnr, pax_id)
);
