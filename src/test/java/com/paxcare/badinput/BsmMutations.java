package com.paxcare.badinput;

import com.paxcare.badinput.Mutant.Expect;
import com.paxcare.web.HttpApi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.paxcare.badinput.Mutant.Expect.ANY;
import static com.paxcare.badinput.Mutant.Expect.REJECT;

/** Mutations of a valid BSM text, line by line and element by element (IATA RP 1745, see BsmParser). */
final class BsmMutations {
  private static final String TEXT = "text/plain";

  private final String valid;
  private final String[] lines;
  private final Random random;
  private final List<Mutant> out = new ArrayList<>();

  private BsmMutations(String valid, Random random) {
    this.valid = valid;
    this.lines = valid.split("\n", -1);
    this.random = random;
  }

  /** For the parser alone: text mutations only. */
  static List<Mutant> of(String valid, Random random) {
    BsmMutations mutations = new BsmMutations(valid, random);
    mutations.text();
    return mutations.out;
  }

  /** For the feed endpoint: the text mutations and the request's own (media type, size). */
  static List<Mutant> forEndpoint(String valid, Random random) {
    BsmMutations mutations = new BsmMutations(valid, random);
    mutations.text();
    mutations.request();
    return mutations.out;
  }

  private void add(String mutator, String detail, String target, String text, Expect expect) {
    out.add(Mutant.body(mutator, detail, target, TEXT, text, expect, null));
  }

  private String with(int line, String replacement) {
    List<String> copy = new ArrayList<>(List.of(lines));
    if (replacement == null) {
      copy.remove(line);
    } else {
      copy.set(line, replacement);
    }
    return String.join("\n", copy);
  }

  private void text() {
    add("valid", "the valid BSM", null, valid, ANY);
    add("bsm-line-endings", "CRLF", null, valid.replace("\n", "\r\n"), ANY);
    add("bsm-line-endings", "CR", null, valid.replace("\n", "\r"), ANY);
    add("bsm-line-endings", "trailing spaces and tabs", null, valid.replace("\n", " \t\n"), ANY);
    add("bsm-structure", "lower case", null, valid.toLowerCase(), REJECT);
    add("bsm-structure", "no ENDBSM", null, valid.replace("ENDBSM", ""), REJECT);
    add("bsm-structure", "no BSM line", null, valid.replaceFirst("BSM\n", ""), REJECT);
    add("bsm-structure", "empty message", null, "BSM\nENDBSM\n", REJECT);
    add("bsm-structure", "ENDBSM alone", null, "ENDBSM\n", REJECT);
    add("bsm-structure", "two BSM lines", null, "BSM\n" + valid, REJECT);
    add("bsm-structure", "a good and a bad message", null, valid + "\n" + valid.replace(".N/", ".N/X"), REJECT);
    add("bsm-structure", "stray text before", null, "hello\n" + valid, REJECT);
    add("bsm-structure", "a BPM instead", null, valid.replace("BSM", "BPM"), REJECT);
    add("bsm-structure", "CHG after an element", null, valid.replaceFirst("\n\\.", "\n.X/1\nCHG\n."), REJECT);
    add("bsm-structure", "DEL", null, valid.replaceFirst("BSM\n", "BSM\nDEL\n"), ANY);
    add("bsm-structure", "not text at all", null, "\u0000\u0001\u0002\u0003", REJECT);
    add("bsm-structure", "10,000 lines of dots", null, "BSM\n" + ".\n".repeat(10_000) + "ENDBSM", REJECT);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      many.append(valid).append('\n');
    }
    add("bsm-structure", "1,000 copies of the message", null, many.toString(), ANY);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      add("bsm-line", "line " + (i + 1) + " removed", null, with(i, null), ANY);
      add("bsm-line", "line " + (i + 1) + " twice", null, with(i, line + "\n" + line), ANY);
      if (!line.startsWith(".") || line.length() < 3) {
        continue;
      }
      String element = line.substring(0, 3);
      String value = line.substring(3);
      add("bsm-element", element + " lower-case code", null, with(i, line.substring(0, 1)
          + line.substring(1, 2).toLowerCase() + line.substring(2)), REJECT);
      add("bsm-element", element + " empty", null, with(i, element), ANY);
      add("bsm-element", element + " 100,000 characters", null, with(i, element + Values.huge(100_000)), ANY);
      add("bsm-element", element + " no slash", null, with(i, line.replace("/", "")), ANY);
      add("bsm-element", element + " extra /parts", null, with(i, line + "/X/Y/Z"), ANY);
      for (String control : Values.CONTROL) {
        add("control-char", element + " " + JsonMutations.escape(control) + " inside", null,
            with(i, element + value.substring(0, value.length() / 2) + control + value.substring(value.length() / 2)),
            ANY);
      }
      for (String name : Values.UNICODE_NAMES) {
        add("unicode-name", element + " " + name, null, with(i, element + name), ANY);
      }
      for (String odd : Values.UNICODE_ODD) {
        add("unicode-odd", element + " " + odd, null, with(i, element + odd), ANY);
      }
      for (String injection : Values.INJECTION) {
        add("injection", element + " " + injection, null, with(i, element + injection), ANY);
      }
    }
    for (String[] element : new String[][] {
        {".N/", "0526200001999"}, {".N/", "0526999999002"}, {".N/", "0526200001000"}, {".N/", "05262000010001"},
        {".N/", "99999999999999"}, {".N/", "-526200001001"}, {".F/", "WN7001/29FEB/DEN/Y"},
        {".F/", "WN7001/31APR/DEN/Y"}, {".F/", "WN7001/00JAN/DEN/Y"}, {".F/", "WN7001/32JAN/DEN/Y"},
        {".F/", "WN7001/05XYZ/DEN/Y"}, {".F/", "WN7001/5FEB/DEN/Y"}, {".F/", "WN99999/05FEB/DEN/Y"},
        {".F/", "WN0/05FEB/DEN/Y"}, {".F/", "99123/05FEB/DEN/Y"}, {".F/", "WN7001/05FEB/DEN/YY"},
        {".F/", "WN7001/05FEB//Y"}, {".F/", "WN7001"}, {".F/", "WN7001/05FEB/DEN/Y/X/Y"}, {".F/", "WN99999999999/05FEB/DEN"},
        {".W/", "K/999/9999"}, {".W/", "L/9999/99999"}, {".W/", "K/1/99999"}, {".W/", "P/1/20"}, {".W/", "X/1/20"},
        {".W/", "K//"}, {".W/", "K/-1/20"}, {".P/", "999LOPEZ/ANA"}, {".P/", "1/ANA"}, {".P/", "1LOPEZ//"},
        {".L/", "ABC"}, {".L/", "ABCDEFGHIJ"}, {".V/", "1LMDWX"}, {".V/", "XLMDW"}, {".V/", "1QMDW"},
        {".E/", "R"}, {".E/", "RUSH/PRIO/CREW/" + "X".repeat(9)}, {".B/", "OFF/052620000100"}, {".O/", "WN7002/05FEB"},
        {".I/", "WN7000/05FEB"}, {".X/", "\u0000"}, {".S/", "N/05A\u0000/C"}, {".U/", "😀"}}) {
      String text = valid.replace("ENDBSM", element[0] + element[1] + "\nENDBSM");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].startsWith(element[0])) {
          text = with(i, element[0] + element[1]);
          break;
        }
      }
      add("bsm-value", element[0] + JsonMutations.escape(element[1]), null, text, ANY);
    }
    for (int n = 0; n < 3; n++) {
      int cut = 1 + random.nextInt(valid.length() - 1);
      add("bsm-truncated", "cut at " + cut, null, valid.substring(0, cut), ANY);
    }
    byte[] bytes = valid.getBytes(StandardCharsets.ISO_8859_1);
    for (int n = 0; n < 30; n++) {
      char[] chars = valid.toCharArray();
      int at = random.nextInt(chars.length);
      char was = chars[at];
      chars[at] = (char) (random.nextInt(2) == 0 ? random.nextInt(128) : 0x80 + random.nextInt(0x780));
      add("bsm-flip", "char " + at + " '" + JsonMutations.escape(String.valueOf(was)) + "' -> U+"
          + String.format("%04X", (int) chars[at]), null, new String(chars), ANY);
    }
    if (bytes.length == 0) {
      throw new IllegalStateException("empty BSM");
    }
  }

  private void request() {
    add("invalid-text", "empty body", "(body)", "", REJECT);
    add("invalid-text", "blank body", "(body)", " \r\n\t", REJECT);
    for (String type : new String[] {null, "application/json", "application/xml", "application/x-www-form-urlencoded",
        "text/html"}) {
      out.add(Mutant.body("content-type", "Content-Type: " + type, "Content-Type", type, valid, REJECT, null));
    }
    for (String type : new String[] {"text/plain; charset=utf-8", "TEXT/PLAIN", "text/plain; charset=iso-8859-1"}) {
      out.add(Mutant.body("content-type", "Content-Type: " + type, null, type, valid, ANY, null));
    }
    byte[] over = new byte[(int) HttpApi.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(over, (byte) 'A');
    out.add(Mutant.bytes("too-big", "a body of MAX_BODY_BYTES + 1", null, TEXT, over, REJECT));
    out.add(Mutant.bytes("invalid-utf8", "bytes C3 28 in .P/", null, TEXT,
        valid.replace(".P/", ".P/\u00C3(").getBytes(StandardCharsets.ISO_8859_1), ANY));
  }
}
