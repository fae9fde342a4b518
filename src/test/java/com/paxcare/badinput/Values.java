package com.paxcare.badinput;

import java.util.List;

/** The pools of hostile values the mutators draw from. */
final class Values {
  private Values() {
  }

  /** Names that are real people's names: a name field must take them, and give them back unchanged. */
  static final List<String> UNICODE_NAMES = List.of(
      "NÚÑEZ", "Ñandú", "José María", "O'Brien", "D'Angelo-Smith", "Zoë Saldaña", "Øyvind Ågesen", "Łukasz Żółć",
      "محمد", "עברית", "Dvořák", "e\u0301le\u0300ve", "Nguyễn", "Σωκράτης", "Иванов", "李小龍");

  /** Unicode that is not a name: emoji, right-to-left override, zero-width and unassigned code points. */
  static final List<String> UNICODE_ODD = List.of(
      "😀", "PEGGY😀", "\u202Eevil\u202C", "A\u200BB", "\uFEFFBOM", "\uD83D", "𝔘𝔥𝔩𝔢", "ＵＨＬＥ", "\u0301",
      "A\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B\u030C\u030D\u030E\u030F");

  static final List<String> CONTROL = List.of("\u0000", "\u0007", "\u001b[31m", "\r\n", "\n", "\t", "\u007f",
      "\u0085", "\r\nX-Injected: 1");

  static final List<String> INJECTION = List.of(
      "'; DROP TABLE care_case; --", "' OR '1'='1", "\" OR \"\"=\"", "1; SELECT pg_sleep(0)", "<script>alert(1)</script>",
      "${jndi:ldap://x}", "../../etc/passwd", "%00", "{{7*7}}", "$(id)", "\\u0000", "%s%s%s%n",
      "' UNION SELECT username, password_hash FROM app_user --", "$1", "*", "%");

  static final List<String> BAD_DATES = List.of(
      "2026-02-30", "2026-13-01", "2026-11-31", "22/11/2026", "2026-11-22T14:05:00", "2026-11-22 14:05", "20261122",
      "2026-W47-1", "yesterday", "2026-11-22T25:00:00-06:00", "2026-11-22T14:05:60Z", "2026-11-22T14:05:00+19:00",
      "2026-11-22T14:05:00-06:00[America/Chicago]", "0000-00-00", "");

  /** Dates that parse but lie far outside any airline's calendar. */
  static final List<String> FAR_DATES = List.of(
      "+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-01-01", "-0001-12-31", "1900-01-01",
      "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00", "+10000-01-01T00:00:00Z",
      "0000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "-4714-11-23T00:00:00Z", "2026-11-22T14:05:00.123456789Z");

  /** Numbers out of every range: raw JSON text, so that it can hold more than a double. */
  static final List<String> NUMBERS = List.of("-1", "1001", "2147483648", "-2147483649", "9223372036854775807",
      "9223372036854775808", "99999999999999999999999999", "1.5", "-0.0", "1e308", "-1e308", "1E400", "1e-400", "0.1");

  /** What a path parameter or query value may be sent as (before percent-encoding). */
  static final List<String> PARAMS = List.of(
      " ", "0", "-1", "9223372036854775807", "9223372036854775808", "99999999999999999999", "1.5", "1e3", "null",
      "true", "00000000-0000-0000-0000-000000000000", "not-a-uuid", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
      "123e4567-e89b-12d3-a456-4266141740000", "1-1-1-1-1", "'; DROP TABLE care_case; --", "<script>alert(1)</script>",
      "${jndi:ldap://x}", "../../etc/passwd", "%00", "\u0000", "\u001b", "\r\nX-Injected: 1", "Ñandú", "O'Brien",
      "محمد", "עברית", "😀", "e\u0301", "+999999999-12-31", "-999999999-01-01", "2026-02-30", "2026-13-01",
      "26-11-22", "mdw", "MDWX", "wn1234", "WN12345", "*", "A".repeat(3000));

  static String huge(int length) {
    return "A".repeat(length);
  }
}
