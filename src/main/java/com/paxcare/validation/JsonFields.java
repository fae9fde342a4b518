package com.paxcare.validation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Reads fields out of untrusted JSON, collecting every problem with its path instead of failing on the first,
 * so a feed sender learns everything wrong with a batch from one answer. A read that fails returns null;
 * {@link #throwIfAny()} then rejects the whole input.
 */
public final class JsonFields {
  private final List<FieldError> errors = new ArrayList<>();

  public void error(String field, String reason) {
    errors.add(new FieldError(field, reason));
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /** Each element of a top-level array that must hold objects, read by {@code reader} with its index as path. */
  public <T> List<T> eachObject(JsonArray array, String path, int maxSize, BiFunction<JsonObject, String, T> reader) {
    List<T> result = new ArrayList<>();
    if (array == null) {
      return result;
    }
    if (array.size() > maxSize) {
      error(path.isEmpty() ? "(body)" : path, "at most " + maxSize + " items per request, got " + array.size());
      return result;
    }
    for (int i = 0; i < array.size(); i++) {
      String itemPath = path + "[" + i + "]";
      Object item = array.getValue(i);
      if (item instanceof JsonObject object) {
        result.add(reader.apply(object, itemPath));
      } else {
        error(itemPath, "must be an object");
      }
    }
    return result;
  }

  public void rejectUnknown(JsonObject object, String path, Set<String> known) {
    for (String name : object.fieldNames()) {
      if (!known.contains(name)) {
        error(join(path, name), "is not a known field");
      }
    }
  }

  public String text(JsonObject object, String path, String name, boolean required, Pattern pattern, String shape) {
    Object value = object.getValue(name);
    String field = join(path, name);
    if (value == null) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      error(field, "must be a string");
      return null;
    }
    if (hasLoneSurrogate(text)) {
      // A lone surrogate escape (half an emoji) is valid JSON but no character: stored, it would silently become '?'.
      error(field, "must be valid Unicode text (a lone surrogate \\uD800-\\uDFFF is not a character)");
      return null;
    }
    // Java's \p{Cntrl} is ASCII only: C1 controls (U+0080-U+009F, e.g. NEL) would pass a shape; none is ever valid.
    if (pattern != null && hasControlCharacters(text)) {
      error(field, "must not hold control characters, got '" + abbreviate(text) + "'");
      return null;
    }
    if (pattern != null && !pattern.matcher(text).matches()) {
      error(field, "must be " + shape + ", got '" + abbreviate(text) + "'");
      return null;
    }
    if (pattern == null && (text.isBlank() || text.length() > 200 || hasControlCharacters(text))) {
      error(field, "must be 1 to 200 printable characters");
      return null;
    }
    return text;
  }

  /**
   * The years a date may fall in: an airline's calendar, and well inside what PostgreSQL stores (a date such as
   * -999999999-01-01 parses in Java but cannot be stored, nor compared with stored ones).
   */
  public static final int FIRST_YEAR = 1900;
  public static final int LAST_YEAR = 9999;

  /** Whether a parsed date or time falls in {@link #FIRST_YEAR} to {@link #LAST_YEAR}. */
  public static boolean plausible(java.time.temporal.TemporalAccessor dateOrTime) {
    int year = dateOrTime.get(java.time.temporal.ChronoField.YEAR);
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  public LocalDate date(JsonObject object, String path, String name, boolean required) {
    return parsed(object, path, name, required, LocalDate::parse, "a date like 2026-11-22");
  }

  public OffsetDateTime dateTime(JsonObject object, String path, String name, boolean required) {
    return parsed(object, path, name, required, OffsetDateTime::parse,
        "an ISO-8601 time with offset like 2026-11-22T14:05:00-06:00");
  }

  private <T> T parsed(JsonObject object, String path, String name, boolean required,
      java.util.function.Function<String, T> parser, String shape) {
    String text = text(object, path, name, required, null, null);
    if (text == null) {
      return null;
    }
    try {
      T value = parser.apply(text);
      if (value instanceof java.time.temporal.TemporalAccessor parsed && !plausible(parsed)) {
        error(join(path, name), "must be " + shape + " in the years " + FIRST_YEAR + " to " + LAST_YEAR + ", got '"
            + abbreviate(text) + "'");
        return null;
      }
      return value;
    } catch (DateTimeParseException e) {
      error(join(path, name), "must be " + shape + ", got '" + abbreviate(text) + "'");
      return null;
    }
  }

  public <E extends Enum<E>> E oneOf(JsonObject object, String path, String name, boolean required, Class<E> type) {
    String text = text(object, path, name, required, null, null);
    if (text == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    error(join(path, name), "must be one of " + List.of(type.getEnumConstants()) + ", got '" + abbreviate(text) + "'");
    return null;
  }

  public Integer integer(JsonObject object, String path, String name, boolean required, int min, int max) {
    Object value = object.getValue(name);
    String field = join(path, name);
    if (value == null) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      error(field, "must be a whole number");
      return null;
    }
    long whole = number.longValue();
    if (whole < min || whole > max) {
      error(field, "must be between " + min + " and " + max + ", got " + whole);
      return null;
    }
    return (int) whole;
  }

  /** A money amount as a decimal string ("129.00"): never a binary float. */
  public BigDecimal amount(JsonObject object, String path, String name, boolean required) {
    String text = text(object, path, name, required, Pattern.compile("\\d{1,9}(\\.\\d{1,2})?"),
        "a decimal amount like \"129.00\"");
    return text == null ? null : new BigDecimal(text);
  }

  public JsonObject object(JsonObject object, String path, String name, boolean required) {
    return typed(object, path, name, required, JsonObject.class, "an object");
  }

  public JsonArray array(JsonObject object, String path, String name, boolean required) {
    return typed(object, path, name, required, JsonArray.class, "an array");
  }

  private <T> T typed(JsonObject object, String path, String name, boolean required, Class<T> type, String what) {
    Object value = object.getValue(name);
    if (value == null) {
      if (required) {
        error(join(path, name), "is required");
      }
      return null;
    }
    if (!type.isInstance(value)) {
      error(join(path, name), "must be " + what);
      return null;
    }
    return type.cast(value);
  }

  /** A list of short codes (e.g. SSRs). */
  public List<String> codes(JsonObject object, String path, String name, Pattern pattern, String shape) {
    JsonArray array = array(object, path, name, false);
    List<String> codes = new ArrayList<>();
    if (array == null) {
      return codes;
    }
    for (int i = 0; i < array.size(); i++) {
      Object value = array.getValue(i);
      String field = join(path, name) + "[" + i + "]";
      if (value instanceof String code && pattern.matcher(code).matches()) {
        codes.add(code);
      } else {
        error(field, "must be " + shape);
      }
    }
    return codes;
  }

  public static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static boolean hasLoneSurrogate(String text) {
    return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
  }

  private static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(c -> Character.isISOControl(c));
  }

  private static String abbreviate(String text) {
    String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
  }
}
