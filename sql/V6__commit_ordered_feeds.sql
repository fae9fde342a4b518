-- Feeds read with a cursor (gate tablets' alerts, the baggage system's outbound BSMs) must never skip a row.
-- Identity values are taken at insert but become visible at commit, so transactions on several nodes can make
-- id 15 visible after id 18: a reader that had already moved past 18 would never see 15. Each row therefore
-- records the transaction that wrote it, and readers take only rows of transactions older than every one still
-- running (pg_snapshot_xmin), in (tx, id) order: no row can appear behind the cursor afterwards.
-- (xid8 is kept as bigint: every client reads it, and 64-bit transaction ids never wrap.)
ALTER TABLE gate_alert ADD COLUMN tx bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint;
ALTER TABLE bsm_outbound ADD COLUMN tx bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint;

CREATE INDEX gate_alert_by_station_tx ON gate_alert (station, tx, id);
CREATE INDEX bsm_outbound_by_tx ON bsm_outbound (tx, id);
