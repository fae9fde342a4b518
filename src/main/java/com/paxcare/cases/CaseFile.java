package com.paxcare.cases;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.UUID;

import static com.paxcare.db.schema.Tables.CARE_CASE;

/** The facts of a case that its steps work from (a row of care_case). */
public record CaseFile(UUID id, String reference, String type, String status, String pnr, String paxId,
    String firstName, String lastName, String destination, String note, String language, String reporterName,
    String reporterPhone, String reporterEmail, String reporterRelation, JsonObject location) {

  /** The columns a case file is read from, next to its step's {@code case_id} (see {@link #from}). */
  static final org.jooq.Field<?>[] COLUMNS = {CARE_CASE.REFERENCE, CARE_CASE.TYPE, CARE_CASE.STATUS, CARE_CASE.PNR,
      CARE_CASE.PAX_ID, CARE_CASE.FIRST_NAME, CARE_CASE.LAST_NAME, CARE_CASE.DESTINATION, CARE_CASE.NOTE,
      CARE_CASE.LANGUAGE, CARE_CASE.REPORTER_NAME, CARE_CASE.REPORTER_PHONE, CARE_CASE.REPORTER_EMAIL,
      CARE_CASE.REPORTER_RELATION, CARE_CASE.LOCATION};

  /** A row of a claimed step joined with its case: {@code case_id} and the {@link #COLUMNS}. */
  static CaseFile from(Row row) {
    Object location = row.getValue("location");
    return new CaseFile(row.getUUID("case_id"), row.getString("reference"), row.getString("type"),
        row.getString("status"), row.getString("pnr"), row.getString("pax_id"), row.getString("first_name"),
        row.getString("last_name"), row.getString("destination"), row.getString("note"), row.getString("language"),
        row.getString("reporter_name"), row.getString("reporter_phone"), row.getString("reporter_email"),
        row.getString("reporter_relation"), location instanceof JsonObject json ? json : new JsonObject());
  }

  public String passengerName() {
    return firstName + " " + lastName;
  }
}
