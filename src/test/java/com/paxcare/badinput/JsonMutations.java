package com.paxcare.badinput;

import com.paxcare.badinput.Mutant.Expect;
import com.paxcare.web.HttpApi;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static com.paxcare.badinput.Mutant.Expect.ANY;
import static com.paxcare.badinput.Mutant.Expect.REJECT;

/**
 * Mutations of one valid JSON body: broken syntax, wrong media types, bodies too big or too deep, and for every
 * field on every level a wrong type, its removal, an unknown neighbour, and hostile strings, numbers and dates.
 */
final class JsonMutations {
  private static final String JSON = "application/json";
  private static final String RAW = "__raw_json_value__";
  private static final Object REMOVE = new Object();
  private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

  private final Object valid;
  /** False for endpoints that read no body: then only the body limit is a must-refuse. */
  private final boolean validated;
  private final Random random;
  private final List<Mutant> out = new ArrayList<>();

  private JsonMutations(Object valid, boolean validated, Random random) {
    this.valid = valid;
    this.validated = validated;
    this.random = random;
  }

  static List<Mutant> of(Object valid, boolean validated, Random random) {
    JsonMutations mutations = new JsonMutations(valid, validated, random);
    mutations.whole();
    mutations.walk(new ArrayList<>(), valid);
    mutations.havoc(25);
    return mutations.out;
  }

  private void add(String mutator, String detail, String target, String contentType, String body, Expect expect,
      String storedAs) {
    out.add(Mutant.body(mutator, detail, target, contentType, body, validated ? expect : ANY, storedAs));
  }

  /** The body as a whole: syntax, media type, size, depth, batch size. */
  private void whole() {
    String text = encode(valid);
    add("valid", "the valid body", null, JSON, text, ANY, null);
    for (int i = 0; i < 3; i++) {
      int cut = 1 + random.nextInt(text.length() - 1);
      add("invalid-json", "truncated at " + cut, "(body)", JSON, text.substring(0, cut), REJECT, null);
    }
    add("invalid-json", "trailing garbage", "(body)", JSON, text + "garbage", REJECT, null);
    add("invalid-json", "a second document", "(body)", JSON, text + text, REJECT, null);
    add("invalid-json", "not JSON", "(body)", JSON, "this is not JSON", REJECT, null);
    add("invalid-json", "empty body", "(body)", JSON, "", REJECT, null);
    add("invalid-json", "whitespace only", "(body)", JSON, "  \r\n\t ", REJECT, null);
    add("invalid-json", "single quotes", "(body)", JSON, text.replace('"', '\''), REJECT, null);
    add("invalid-json", "trailing comma", "(body)", JSON,
        text.substring(0, text.length() - 1) + "," + text.substring(text.length() - 1), REJECT, null);
    // Vert.x's JSON codec reads Java comments (its Jackson factory enables them): leniency, left alone.
    add("invalid-json", "comment", null, JSON, "/* hi */" + text, ANY, null);
    add("invalid-json", "NaN", "(body)", JSON, "{\"a\":NaN}", REJECT, null);
    add("invalid-json", "unquoted key", "(body)", JSON, "{a:1}", REJECT, null);
    add("invalid-json", "lone surrogate escape", null, JSON, text.replaceFirst("\"([^\"]+)\":\"", "\"$1\":\"\\\\uD800"),
        ANY, null);
    add("wrong-json-type", "null", "(body)", JSON, "null", REJECT, null);
    add("wrong-json-type", "a string", "(body)", JSON, "\"text\"", REJECT, null);
    add("wrong-json-type", "a number", "(body)", JSON, "42", REJECT, null);
    add("wrong-json-type", "true", "(body)", JSON, "true", REJECT, null);
    add("wrong-json-type", "the other container", "(body)", JSON, valid instanceof JsonArray ? "{}" : "[]", REJECT,
        null);
    if (valid instanceof JsonArray array) {
      add("wrong-json-type", "the object instead of the array", "(body)", JSON, encode(array.getValue(0)), REJECT,
          null);
      add("batch", "empty batch", "(body)", JSON, "[]", REJECT, null);
      add("batch", "the same item twice", null, JSON, encode(new JsonArray().add(array.getValue(0))
          .add(array.getValue(0))), REJECT, null);
      JsonArray many = new JsonArray();
      for (int i = 0; i < 5_001; i++) {
        many.add(array.getValue(0));
      }
      add("batch", "5,001 items", "(body)", JSON, encode(many), REJECT, null);
    } else {
      add("wrong-json-type", "the object in an array", "(body)", JSON, "[" + text + "]", REJECT, null);
    }
    out.add(Mutant.bytes("invalid-utf8", "bytes C3 28 inside a string", null, JSON,
        splice(text, new byte[] {(byte) 0xC3, (byte) 0x28}), validated ? REJECT : ANY));
    out.add(Mutant.bytes("invalid-utf8", "overlong encoding of '/'", null, JSON,
        splice(text, new byte[] {(byte) 0xC0, (byte) 0xAF}), validated ? REJECT : ANY));
    add("invalid-json", "byte order mark", null, JSON, "\uFEFF" + text, ANY, null);

    for (String type : new String[] {null, "text/plain", "application/xml", "application/x-www-form-urlencoded",
        "application/jsonx", "multipart/form-data; boundary=x", "application/json-patch+json"}) {
      add("content-type", "Content-Type: " + type, "Content-Type", type, text, REJECT, null);
    }
    for (String type : new String[] {"application/json; charset=utf-8", "APPLICATION/JSON", "application/json ; x=y"}) {
      add("content-type", "Content-Type: " + type, null, type, text, ANY, null);
    }

    out.add(Mutant.bytes("too-big", "a body of MAX_BODY_BYTES + 1", null, JSON, overLimit(), REJECT));
    add("deep-nesting", "10,000 nested arrays", "(body)", JSON, "[".repeat(10_000) + "]".repeat(10_000), REJECT, null);
    add("deep-nesting", "10,000 nested objects", "(body)", JSON, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
        REJECT, null);
    add("deep-nesting", "10,000 unclosed arrays", "(body)", JSON, "[".repeat(10_000), REJECT, null);
  }

  private static byte[] overLimit() {
    byte[] body = new byte[(int) HttpApi.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(body, (byte) ' ');
    body[0] = '[';
    body[body.length - 1] = ']';
    return body;
  }

  private static byte[] splice(String text, byte[] bad) {
    int at = text.indexOf(":\"");
    if (at < 0) {
      at = 0;
    } else {
      at += 2;
    }
    byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
    return all;
  }

  /** Every field on every level. */
  private void walk(List<Object> path, Object value) {
    if (!path.isEmpty()) {
      field(path, value);
    }
    if (value instanceof JsonObject object) {
      extraFields(path);
      for (String name : object.fieldNames()) {
        List<Object> child = new ArrayList<>(path);
        child.add(name);
        walk(child, object.getValue(name));
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        List<Object> child = new ArrayList<>(path);
        child.add(i);
        walk(child, array.getValue(i));
      }
    }
  }

  private void extraFields(List<Object> path) {
    String at = name(path);
    String prefix = at.isEmpty() ? "" : at + ".";
    JsonObject extra = (JsonObject) get(valid, path);
    put("extra-field", "unknown field 'unexpectedField'", prefix + "unexpectedField", path,
        extra.copy().put("unexpectedField", "x"), REJECT, null);
    String evil = "'; DROP TABLE care_case; --";
    put("extra-field", "unknown field named like SQL", prefix + evil, path, extra.copy().put(evil, 1), REJECT, null);
    put("extra-field", "unknown field holding 10,000 nested arrays", prefix + "deep", path,
        extra.copy().put("deep", RAW + 0), REJECT, null);
  }

  private void field(List<Object> path, Object value) {
    String at = name(path);
    // wrong JSON types
    for (Object other : new Object[] {42, true, "text", new JsonObject().put("a", 1), new JsonArray().add(1), 4.5}) {
      if (sameKind(value, other)) {
        continue;
      }
      put("wrong-type", "a " + kind(other) + " instead of a " + kind(value), at, path, other, REJECT, null);
    }
    put("wrong-type", "null instead of a " + kind(value), at, path, null, ANY, null);
    put("missing-field", "removed", at, path, REMOVE, ANY, null);
    put("deep-nesting", "10,000 nested arrays as the value", at, path, RAW + 0, REJECT, null);
    if (value instanceof String text) {
      put("huge-string", "100,000 characters", at, path, Values.huge(100_000), REJECT, null);
      put("empty-string", "empty", at, path, "", REJECT, null);
      put("empty-string", "one space", at, path, " ", ANY, null);
      for (String name : Values.UNICODE_NAMES) {
        put("unicode-name", name, at, path, name, ANY, name);
      }
      for (String odd : Values.UNICODE_ODD) {
        put("unicode-odd", odd, at, path, odd, ANY, odd);
      }
      for (String control : Values.CONTROL) {
        String mutated = text.substring(0, text.length() / 2) + control + text.substring(text.length() / 2);
        put("control-char", escape(control) + " inside", at, path, mutated, REJECT, null);
      }
      for (String injection : Values.INJECTION) {
        put("injection", injection, at, path, injection, ANY, injection);
      }
      if (DATE_LIKE.matcher(text).matches()) {
        for (String date : Values.BAD_DATES) {
          put("bad-date", date, at, path, date, REJECT, null);
        }
        for (String date : Values.FAR_DATES) {
          put("far-date", date, at, path, date, ANY, null);
        }
      }
    } else if (value instanceof Number) {
      for (String number : Values.NUMBERS) {
        Expect expect = number.equals("-0.0") || number.equals("1e-400") ? ANY : REJECT;
        put("out-of-range", number, at, path, RAW + number, expect, null);
      }
    } else if (value instanceof JsonArray array && !array.isEmpty()) {
      put("empty-array", "empty", at, path, new JsonArray(), ANY, null);
      JsonArray many = new JsonArray();
      for (int i = 0; i < 10_001; i++) {
        many.add(array.getValue(0));
      }
      put("huge-array", "10,001 copies of its first item", at, path, many, ANY, null);
    }
  }

  /** A few random mutations at once, from the seed. */
  private void havoc(int count) {
    List<List<Object>> paths = new ArrayList<>();
    collect(new ArrayList<>(), valid, paths);
    if (paths.isEmpty()) {
      return;
    }
    List<String> pool = new ArrayList<>();
    pool.addAll(Values.UNICODE_NAMES);
    pool.addAll(Values.UNICODE_ODD);
    pool.addAll(Values.CONTROL);
    pool.addAll(Values.INJECTION);
    pool.addAll(Values.BAD_DATES);
    pool.addAll(Values.FAR_DATES);
    for (int n = 0; n < count; n++) {
      Object body = valid instanceof JsonObject o ? o.copy() : ((JsonArray) valid).copy();
      StringBuilder detail = new StringBuilder();
      int changes = 2 + random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        List<Object> path = paths.get(random.nextInt(paths.size()));
        Object value = switch (random.nextInt(4)) {
          case 0 -> pool.get(random.nextInt(pool.size()));
          case 1 -> RAW + Values.NUMBERS.get(random.nextInt(Values.NUMBERS.size()));
          case 2 -> random.nextBoolean() ? null : REMOVE;
          default -> List.of(true, new JsonObject(), new JsonArray()).get(random.nextInt(3));
        };
        if (get(body, path) == null && !hasParent(body, path)) {
          continue;
        }
        body = set(body, path, value);
        detail.append(name(path)).append('=').append(value == REMOVE ? "(removed)" : escape(String.valueOf(value)))
            .append("; ");
      }
      add("havoc", detail.toString(), null, JSON, encode(body), ANY, null);
    }
  }

  private static void collect(List<Object> path, Object value, List<List<Object>> paths) {
    if (!path.isEmpty()) {
      paths.add(path);
    }
    if (value instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        List<Object> child = new ArrayList<>(path);
        child.add(name);
        collect(child, object.getValue(name), paths);
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        List<Object> child = new ArrayList<>(path);
        child.add(i);
        collect(child, array.getValue(i), paths);
      }
    }
  }

  private void put(String mutator, String detail, String target, List<Object> path, Object value, Expect expect,
      String storedAs) {
    Object body = set(valid instanceof JsonObject o ? o.copy() : ((JsonArray) valid).copy(), path, value);
    add(mutator, (target.isEmpty() ? "(body)" : target) + ": " + escape(detail), target, JSON, encode(body), expect,
        storedAs);
  }

  private static boolean hasParent(Object root, List<Object> path) {
    return get(root, path.subList(0, path.size() - 1)) != null;
  }

  private static Object get(Object root, List<Object> path) {
    Object at = root;
    for (Object step : path) {
      if (step instanceof String name && at instanceof JsonObject object) {
        at = object.getValue(name);
      } else if (step instanceof Integer index && at instanceof JsonArray array && index < array.size()) {
        at = array.getValue(index);
      } else {
        return null;
      }
    }
    return at;
  }

  /** Sets (or removes) the value at path in root, which the caller has copied; answers root. */
  private static Object set(Object root, List<Object> path, Object value) {
    if (path.isEmpty()) {
      return value;
    }
    Object parent = get(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof JsonObject object && last instanceof String name) {
      if (value == REMOVE) {
        object.remove(name);
      } else {
        object.put(name, value);
      }
    } else if (parent instanceof JsonArray array && last instanceof Integer index && index < array.size()) {
      if (value == REMOVE) {
        array.remove((int) index);
      } else {
        array.set(index, value);
      }
    }
    return root;
  }

  /** The field's name as the API's errors write it: {@code [0].passengers[0].firstName}, {@code reporter.name}. */
  static String name(List<Object> path) {
    StringBuilder name = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer index) {
        name.append('[').append(index).append(']');
      } else {
        if (!name.isEmpty()) {
          name.append('.');
        }
        name.append(step);
      }
    }
    return name.toString();
  }

  /** JSON text, with raw values (numbers beyond a double, deep nesting) spliced in. */
  static String encode(Object value) {
    String text = value instanceof JsonObject o ? o.encode() : value instanceof JsonArray a ? a.encode()
        : io.vertx.core.json.Json.encode(value);
    if (!text.contains(RAW)) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher m = Pattern.compile("\"" + RAW + "([^\"]*)\"").matcher(text);
    while (m.find()) {
      String raw = m.group(1).equals("0") ? "[".repeat(10_000) + "]".repeat(10_000) : m.group(1);
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(raw));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean sameKind(Object a, Object b) {
    return kind(a).equals(kind(b));
  }

  private static String kind(Object value) {
    if (value instanceof String) {
      return "string";
    } else if (value instanceof Integer || value instanceof Long) {
      return "whole number";
    } else if (value instanceof Number) {
      return "decimal number";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof JsonObject) {
      return "object";
    } else if (value instanceof JsonArray) {
      return "array";
    }
    return "null";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : (text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text)
        .toCharArray()) {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
