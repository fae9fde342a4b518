-- The airline's data as its reservation and departure-control systems feed it to PaxCare.
-- PaxCare never invents flights or bookings: these tables mirror the feeds (docs: README, "Feed contract").

CREATE TYPE flight_status AS ENUM (
  'SCHEDULED', 'BOARDING', 'DOORS_CLOSED', 'TAXIING', 'AIRBORNE', 'LANDED', 'CANCELLED', 'DIVERTED');

CREATE TYPE segment_status AS ENUM ('CONFIRMED', 'CHECKED_IN', 'BOARDED', 'FLOWN', 'CANCELLED');

-- One operated leg. Times keep the UTC offset the feed gave, so they read back as the airport's local time.
CREATE TABLE flight (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  flight_no          text        NOT NULL CHECK (flight_no ~ '^[A-Z0-9]{2}[0-9]{1,4}[A-Z]?$'),
  flight_date        date        NOT NULL,
  origin             text     NOT NULL CHECK (origin ~ '^[A-Z]{3}$'),
  destination        text     NOT NULL CHECK (destination ~ '^[A-Z]{3}$' AND destination <> origin),
  departure          timestamptz NOT NULL,
  departure_offset   integer     NOT NULL CHECK (departure_offset BETWEEN -64800 AND 64800),
  arrival            timestamptz NOT NULL,
  arrival_offset     integer     NOT NULL CHECK (arrival_offset BETWEEN -64800 AND 64800),
  gate               text,
  status             flight_status NOT NULL DEFAULT 'SCHEDULED',
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT flight_natural_key UNIQUE (flight_no, flight_date, origin),
  CONSTRAINT flight_arrives_after_departure CHECK (arrival > departure)
);
CREATE INDEX flight_by_origin_and_departure ON flight (origin, departure);
CREATE INDEX flight_by_destination_and_arrival ON flight (destination, arrival);

-- Seats by cabin. `sold` is kept by a trigger on segment, so free seats are always known without counting.
CREATE TABLE flight_cabin (
  flight_id  bigint  NOT NULL REFERENCES flight (id) ON DELETE CASCADE,
  cabin      text    NOT NULL CHECK (cabin ~ '^[A-Z]$'),
  capacity   integer NOT NULL CHECK (capacity >= 0),
  sold       integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
  PRIMARY KEY (flight_id, cabin)
);

CREATE TABLE booking (
  pnr         text        PRIMARY KEY CHECK (pnr ~ '^[A-Z0-9]{6}$'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE passenger (
  pnr         text NOT NULL REFERENCES booking (pnr) ON DELETE CASCADE,
  pax_id      text NOT NULL,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  phone       text,
  email       text,
  language    text NOT NULL DEFAULT 'en',
  ssr         text[] NOT NULL DEFAULT '{}',
  tier        text NOT NULL DEFAULT 'NONE',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pnr, pax_id)
);
CREATE INDEX passenger_by_last_name ON passenger (last_name);

-- Whom to call about the passengers of a booking (often the person who reports an emergency).
CREATE TABLE booking_contact (
  pnr       text    NOT NULL REFERENCES booking (pnr) ON DELETE CASCADE,
  position  integer NOT NULL,
  name      text    NOT NULL,
  phone     text,
  email     text,
  relation  text,
  PRIMARY KEY (pnr, position)
);

-- One flight for one passenger (a coupon).
CREATE TABLE segment (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pnr            text    NOT NULL,
  pax_id         text    NOT NULL,
  flight_id      bigint  NOT NULL REFERENCES flight (id),
  cabin          text    NOT NULL,
  seat           text    CHECK (seat ~ '^[0-9]{1,3}[A-Z]$'),
  status         segment_status NOT NULL,
  ticket         text    CHECK (ticket ~ '^[0-9]{13}$'),
  fare_amount    numeric(12,2) CHECK (fare_amount >= 0),
  fare_currency  text CHECK (fare_currency ~ '^[A-Z]{3}$'),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (pnr, pax_id) REFERENCES passenger (pnr, pax_id) ON DELETE CASCADE,
  FOREIGN KEY (flight_id, cabin) REFERENCES flight_cabin (flight_id, cabin),
  CONSTRAINT segment_natural_key UNIQUE (pnr, pax_id, flight_id),
  CONSTRAINT fare_has_currency CHECK ((fare_amount IS NULL) = (fare_currency IS NULL))
);
CREATE INDEX segment_by_flight ON segment (flight_id);
CREATE INDEX segment_by_ticket ON segment (ticket);
-- Two live coupons never hold the same seat on a flight. Checked at commit, so a booking whose
-- passengers swap seats can be fed in one batch.
ALTER TABLE segment ADD CONSTRAINT one_passenger_per_seat
  EXCLUDE USING btree (flight_id WITH =, seat WITH =) WHERE (seat IS NOT NULL AND status <> 'CANCELLED')
  DEFERRABLE INITIALLY DEFERRED;

-- Keeps flight_cabin.sold equal to the live (not cancelled) segments of each flight and cabin.
CREATE FUNCTION segment_keeps_seats_sold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.flight_id = NEW.flight_id AND OLD.cabin = NEW.cabin
     AND (OLD.status = 'CANCELLED') = (NEW.status = 'CANCELLED') THEN
    RETURN NULL;  -- still holding (or still not holding) the same seat: nothing to count
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'CANCELLED' THEN
    UPDATE flight_cabin SET sold = sold - 1 WHERE flight_id = OLD.flight_id AND cabin = OLD.cabin;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'CANCELLED' THEN
    UPDATE flight_cabin SET sold = sold + 1 WHERE flight_id = NEW.flight_id AND cabin = NEW.cabin;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER segment_seats_sold
  AFTER INSERT OR DELETE OR UPDATE OF status, flight_id, cabin ON segment
  FOR EACH ROW EXECUTE FUNCTION segment_keeps_seats_sold();

-- Checked bags, from IATA BSM messages (RP 1745). The tag is the 10-digit licence plate. pnr is what the
-- BSM's .L/ says (the booking may be fed later); pax_id is set when .P/ matches one of its passengers.
CREATE TABLE bag (
  tag             text PRIMARY KEY CHECK (tag ~ '^[0-9]{10}$'),
  pnr             text,
  pax_id          text,
  passenger_name  text NOT NULL,
  source_station  text NOT NULL CHECK (source_station ~ '^[A-Z]{3}$'),
  pieces          integer,
  weight_kg       integer,
  exceptions      text[] NOT NULL DEFAULT '{}',
  irregularities  text[] NOT NULL DEFAULT '{}',
  bsm_text        text NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bag_by_booking ON bag (pnr);

CREATE TYPE bag_leg_kind AS ENUM ('INBOUND', 'OUTBOUND', 'ONWARD');

-- The flights a bag is routed on, in order. The flight is kept as the BSM names it (the leg may not be
-- fed yet) and linked to our flight row when it is.
CREATE TABLE bag_leg (
  tag          text    NOT NULL REFERENCES bag (tag) ON DELETE CASCADE,
  position     integer NOT NULL,
  kind         bag_leg_kind NOT NULL,
  flight_no    text    NOT NULL,
  flight_date  date    NOT NULL,
  origin       text,
  destination  text,
  cabin        text,
  flight_id    bigint  REFERENCES flight (id),
  PRIMARY KEY (tag, position)
);
CREATE INDEX bag_leg_by_flight ON bag_leg (flight_id);

-- Every BSM received, as received: the baggage system's own history of a bag.
CREATE TABLE bsm_received (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  received_at  timestamptz NOT NULL DEFAULT now(),
  action       text NOT NULL CHECK (action IN ('ADD', 'CHG', 'DEL')),
  tags         text[] NOT NULL,
  text         text NOT NULL
);
