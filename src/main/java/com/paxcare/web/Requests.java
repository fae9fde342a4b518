package com.paxcare.web;

import com.paxcare.feed.FlightKey;
import com.paxcare.validation.FieldError;
import com.paxcare.validation.InvalidInput;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading what a request carries: its body by media type, and path parameters with clear errors. */
final class Requests {
  private static final Pattern FLIGHT = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}[A-Z]?");
  private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");

  private Requests() {
  }

  static JsonArray jsonArray(RoutingContext ctx) {
    Object value = json(ctx);
    if (value instanceof JsonArray array) {
      return array;
    }
    throw InvalidInput.of("(body)", "must be a JSON array");
  }

  static JsonObject jsonObject(RoutingContext ctx) {
    Object value = json(ctx);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw InvalidInput.of("(body)", "must be a JSON object");
  }

  static String text(RoutingContext ctx) {
    requireMediaType(ctx, "text/plain");
    String text = utf8(ctx);
    if (text.isBlank()) {
      throw InvalidInput.of("(body)", "is empty; send one or more BSM messages");
    }
    return text;
  }

  private static Object json(RoutingContext ctx) {
    requireMediaType(ctx, "application/json");
    if (ctx.body().buffer() == null || ctx.body().buffer().length() == 0) { // no body at all, or an empty one
      throw InvalidInput.of("(body)", "is empty; a JSON body is required");
    }
    utf8(ctx);
    return Json.decodeValue(ctx.body().buffer()); // a DecodeException becomes a 400 naming the body
  }

  /** The body as UTF-8 text: bytes that are not UTF-8 are refused, never silently replaced by U+FFFD. */
  private static String utf8(RoutingContext ctx) {
    if (ctx.body().buffer() == null) {
      return "";
    }
    try {
      return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(ctx.body().buffer().getBytes())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw InvalidInput.of("(body)", "is not valid UTF-8");
    }
  }

  private static void requireMediaType(RoutingContext ctx, String expected) {
    String contentType = ctx.request().getHeader("Content-Type");
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    if (!mediaType.equals(expected)) {
      throw new HttpException(415, "Send Content-Type: " + expected);
    }
  }

  /** The {flight}/{date}/{origin} path parameters naming one operated leg. */
  static FlightKey flightKey(RoutingContext ctx) {
    List<FieldError> errors = new ArrayList<>();
    String flight = ctx.pathParam("flight");
    String origin = ctx.pathParam("origin");
    LocalDate date = date(ctx.pathParam("date"), "date", errors);
    if (flight == null || !FLIGHT.matcher(flight).matches()) {
      errors.add(new FieldError("flight", "must be a flight like WN1234"));
    }
    if (origin == null || !AIRPORT.matcher(origin).matches()) {
      errors.add(new FieldError("origin", "must be a 3-letter IATA airport code"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new FlightKey(FlightKey.normalise(flight), date, origin);
  }

  static LocalDate date(String text, String field, List<FieldError> errors) {
    try {
      LocalDate date = LocalDate.parse(text == null ? "" : text);
      if (!com.paxcare.validation.JsonFields.plausible(date)) {
        errors.add(new FieldError(field, "must be a date like 2026-11-22 in the years "
            + com.paxcare.validation.JsonFields.FIRST_YEAR + " to " + com.paxcare.validation.JsonFields.LAST_YEAR));
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date like 2026-11-22"));
      return null;
    }
  }

  static String airport(RoutingContext ctx, String name, List<FieldError> errors) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return null;
    }
    if (!AIRPORT.matcher(value).matches()) {
      errors.add(new FieldError(name, "must be a 3-letter IATA airport code"));
      return null;
    }
    return value;
  }

  /** A path parameter that must be an id (UUID), named in the error when it is not. */
  static java.util.UUID uuid(RoutingContext ctx, String name, String what) {
    try {
      return java.util.UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw com.paxcare.validation.InvalidInput.of(name, "must be " + what + " id (UUID)");
    }
  }
}
