-- case_step_by_case (case_id, position) duplicated the index behind UNIQUE (case_id, position): same columns,
-- same order. Every step inserted, and every step made due or done (not a HOT update: status and due_at are in
-- case_step_due), wrote an entry into both. The unique index serves every read by case.
DROP INDEX case_step_by_case;
