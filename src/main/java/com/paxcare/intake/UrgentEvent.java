package com.paxcare.intake;

import com.paxcare.validation.JsonFields;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An urgent personal event as reported (README, "Urgent events"). The passenger is named by pnr + lastName
 * (+ firstName), or by ticket, or by lastName + flight + date.
 */
public record UrgentEvent(
    String type,
    String pnr,
    String ticket,
    String flight,
    LocalDate date,
    String lastName,
    String firstName,
    Reporter reporter,
    String destination,
    String note,
    String language) {

  public static final Set<String> TYPES = Set.of("FAMILY_EMERGENCY", "MEDICAL_EMERGENCY", "BEREAVEMENT");

  public record Reporter(String name, String phone, String email, String relation) {
  }

  private static final Set<String> FIELDS = Set.of("type", "pnr", "ticket", "flight", "date", "lastName",
      "firstName", "reporter", "destination", "note", "language");
  private static final Set<String> REPORTER_FIELDS = Set.of("name", "phone", "email", "relation");
  private static final Pattern PNR = Pattern.compile("[A-Z0-9]{6}");
  private static final Pattern TICKET = Pattern.compile("[0-9]{13}");
  private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");
  private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
  private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M} '\\-.]{0,59}");
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,190}\\.[A-Za-z]{2,}");
  private static final Pattern RELATION = Pattern.compile("[A-Z_]{2,20}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Pattern NOTE = Pattern.compile("[^\\p{Cntrl}]{1,1000}");

  /** Validates the whole event, naming every bad field; nothing is stored for a rejected event. */
  public static UrgentEvent read(JsonObject json) {
    JsonFields fields = new JsonFields();
    fields.rejectUnknown(json, "", FIELDS);
    String type = fields.text(json, "", "type", true, null, null);
    if (type != null && !TYPES.contains(type)) {
      fields.error("type", "must be one of " + TYPES.stream().sorted().toList() + ", got '" + type + "'");
    }
    String pnr = fields.text(json, "", "pnr", false, PNR, "a 6-character record locator like K7Q2ZB");
    String ticket = fields.text(json, "", "ticket", false, TICKET, "a 13-digit ticket number");
    String flight = fields.text(json, "", "flight", false, FLIGHT, "a flight like WN1234");
    LocalDate date = fields.date(json, "", "date", false);
    String lastName = fields.text(json, "", "lastName", false, NAME, "a surname");
    String firstName = fields.text(json, "", "firstName", false, NAME, "a given name");
    Reporter reporter = null;
    JsonObject reporterJson = fields.object(json, "", "reporter", false);
    if (reporterJson != null) {
      fields.rejectUnknown(reporterJson, "reporter", REPORTER_FIELDS);
      reporter = new Reporter(
          fields.text(reporterJson, "reporter", "name", true, NAME, "a name"),
          fields.text(reporterJson, "reporter", "phone", false, PHONE, "an international phone number like +13125550199"),
          fields.text(reporterJson, "reporter", "email", false, EMAIL, "an e-mail address"),
          fields.text(reporterJson, "reporter", "relation", false, RELATION, "a relation like SPOUSE"));
    }
    String destination = fields.text(json, "", "destination", false, AIRPORT, "a 3-letter IATA airport code");
    String note = fields.text(json, "", "note", false, NOTE, "at most 1000 printable characters");
    String language = fields.text(json, "", "language", false, LANGUAGE, "a 2-letter language code like en or es");

    boolean byPnr = pnr != null;
    boolean byTicket = ticket != null;
    boolean byFlight = flight != null || date != null;
    int ways = (byPnr ? 1 : 0) + (byTicket ? 1 : 0) + (byFlight ? 1 : 0);
    if (fields.ok()) {
      if (ways == 0) {
        fields.error("pnr", "name the passenger by pnr + lastName, by ticket, or by lastName + flight + date");
      } else if (ways > 1) {
        fields.error(byTicket ? "ticket" : "flight", "name the passenger one way only: pnr, ticket, or flight + date");
      } else if (byPnr && lastName == null) {
        fields.error("lastName", "is required with pnr");
      } else if (byFlight && (flight == null || date == null || lastName == null)) {
        fields.error(flight == null ? "flight" : date == null ? "date" : "lastName",
            "is required to name the passenger by flight: lastName + flight + date");
      }
    }
    fields.throwIfAny();
    return new UrgentEvent(type, pnr, ticket, flight, date, lastName, firstName, reporter, destination, note,
        language);
  }
}
