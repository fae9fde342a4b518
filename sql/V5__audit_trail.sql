-- V5: the audit trail. Who read or changed a case through the API, from where, and what they were answered.
-- Changes are also on the case timeline (case_event) with their actor; reads are only here.
-- Rows are written after the answer is sent, in batches, so a read costs the reader no extra round trip.
-- No foreign key to care_case: a refused attempt on an id that names no case is worth keeping too, and one
-- bad id must not lose a whole batch.
CREATE TABLE case_audit (
  id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      uuid        NOT NULL,
  at           timestamptz NOT NULL,
  actor        text        NOT NULL,   -- user name, API key name, or the passenger's surname
  role         text        NOT NULL CHECK (role IN ('admin', 'ops', 'care', 'gate', 'crew', 'passenger', 'feed')),
  scope        text,                   -- the gate agent's station, the crew's flight and day, the passenger's PNR
  action       text        NOT NULL CHECK (action ~ '^[a-z]+(\.[a-z-]+)+$'),
  status       smallint    NOT NULL,   -- the HTTP status answered: 2xx done, 403 refused
  client       text        NOT NULL    -- the client's address as the node saw it
);
CREATE INDEX case_audit_by_case ON case_audit (case_id, at, id);
