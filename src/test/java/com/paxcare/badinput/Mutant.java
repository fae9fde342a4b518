package com.paxcare.badinput;

import java.nio.charset.StandardCharsets;

/**
 * One hostile input derived from a valid one.
 *
 * @param mutator    the family it comes from (wrong-type, missing-field, unicode...), for the report
 * @param detail     what exactly was changed, to reproduce it
 * @param target     the field, parameter or header it changed, as the API names fields ({@code [0].seats.Y}),
 *                   or null when it changed the request as a whole
 * @param expect     whether it must be refused, or may be taken
 * @param storedAs   for a value that may be taken: the string that must then be stored and read back unchanged
 */
record Mutant(String mutator, String detail, String target, String contentType, byte[] body, Expect expect,
    String storedAs, String pathAndQuery, String header, String headerValue) {

  enum Expect {
    /** Bad input: a 4xx, never a 2xx. */
    REJECT,
    /** Perhaps still valid (a name with an accent, an injection string in a free-text note): 2xx or 4xx. */
    ANY
  }

  static Mutant body(String mutator, String detail, String target, String contentType, String body, Expect expect,
      String storedAs) {
    boolean json = contentType != null && contentType.toLowerCase().contains("json");
    String sent = body == null || !json ? body : escapeLoneSurrogates(body);
    return new Mutant(mutator, detail, target, contentType, sent == null ? null : sent.getBytes(StandardCharsets.UTF_8),
        expect, storedAs, null, null, null);
  }

  /**
   * Half a surrogate pair cannot be written as UTF-8 (Java writes '?'); in JSON text it can only stand inside a
   * string, where its escape sends what was meant.
   */
  private static String escapeLoneSurrogates(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static Mutant bytes(String mutator, String detail, String target, String contentType, byte[] body, Expect expect) {
    return new Mutant(mutator, detail, target, contentType, body, expect, null, null, null, null);
  }

  Mutant withPath(String pathAndQuery) {
    return new Mutant(mutator, detail, target, contentType, body, expect, storedAs, pathAndQuery, header, headerValue);
  }

  Mutant withHeader(String name, String value) {
    return new Mutant(mutator, detail, target, contentType, body, expect, storedAs, pathAndQuery, name, value);
  }

  Mutant expecting(Expect other) {
    return new Mutant(mutator, detail, target, contentType, body, other, storedAs, pathAndQuery, header, headerValue);
  }
}
