package com.paxcare.cases;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.UUID;

/** The facts of a case that its steps work from (a row of care_case). */
public record CaseFile(UUID id, String reference, String type, String status, String pnr, String paxId,
    String firstName, String lastName, String destination, String note, String language, String reporterName,
    String reporterPhone, String reporterEmail, String reporterRelation, JsonObject location) {

  static CaseFile from(Row row) {
    Object location = row.getValue("location");
    return new CaseFile(row.getUUID("id"), row.getString("reference"), row.getString("type"),
        row.getString("status"), row.getString("pnr"), row.getString("pax_id"), row.getString("first_name"),
        row.getString("last_name"), row.getString("destination"), row.getString("note"), row.getString("language"),
        row.getString("reporter_name"), row.getString("reporter_phone"), row.getString("reporter_email"),
        row.getString("reporter_relation"), location instanceof JsonObject json ? json : new JsonObject());
  }

  public String passengerName() {
    return firstName + " " + lastName;
  }
}
