package com.paxcare.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's own statement log ({@code log_statement = all}, {@code log_destination = jsonlog}), read back: each
 * statement a backend executed, with its prepared-statement name and its parameters as the server printed them.
 * The extended protocol logs {@code execute <name>: SQL} with a {@code parameters: $1 = '...'} detail; the simple
 * protocol logs {@code statement: SQL}.
 */
final class StatementLog {
  private StatementLog() {
  }

  /** One logged statement: which backend, its name ({@code null} for a simple query), the SQL and parameters. */
  record Logged(int pid, String vxid, String name, String sql, List<String> parameters) {
    boolean isBegin() {
      return sql.equalsIgnoreCase("BEGIN") || sql.toUpperCase(java.util.Locale.ROOT).startsWith("BEGIN ")
          || sql.equalsIgnoreCase("START TRANSACTION");
    }

    boolean isEnd() {
      return sql.equalsIgnoreCase("COMMIT") || sql.equalsIgnoreCase("ROLLBACK") || sql.equalsIgnoreCase("END");
    }
  }

  /** Where the log ends now: read from here to see only what comes after. */
  static long end(Path file) throws IOException {
    return java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : 0;
  }

  /** The statements logged from {@code offset} on. */
  static List<Logged> read(Path file, long offset) throws IOException {
    byte[] bytes;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(offset);
      bytes = new byte[(int) (raf.length() - offset)];
      raf.readFully(bytes);
    }
    List<Logged> statements = new ArrayList<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject entry = new JsonObject(line);
      String message = entry.getString("message", "");
      int pid = entry.getInteger("pid", 0);
      String vxid = entry.getString("vxid");
      if (message.startsWith("statement: ")) {
        statements.add(new Logged(pid, vxid, null, message.substring("statement: ".length()).trim(), List.of()));
      } else if (message.startsWith("execute ")) {
        int colon = message.indexOf(": ");
        String name = message.substring("execute ".length(), colon);
        String detail = entry.getString("detail", "");
        statements.add(new Logged(pid, vxid, name, message.substring(colon + 2).trim(),
            detail.regionMatches(true, 0, "parameters: ", 0, 12) ? parameters(detail.substring(12)) : List.of()));
      }
    }
    return statements;
  }

  /**
   * {@code $1 = 'a''b', $2 = NULL} as a list: values without their quotes (doubled quotes undone), NULL as
   * {@code null}.
   */
  static List<String> parameters(String text) {
    List<String> values = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int equals = text.indexOf(" = ", at);
      if (equals < 0) {
        break;
      }
      at = equals + 3;
      if (text.startsWith("NULL", at)) {
        values.add(null);
        at += 4;
      } else if (text.charAt(at) == '\'') {
        StringBuilder value = new StringBuilder();
        at++;
        while (true) {
          char c = text.charAt(at);
          if (c == '\'') {
            if (at + 1 < text.length() && text.charAt(at + 1) == '\'') {
              value.append('\'');
              at += 2;
              continue;
            }
            at++;
            break;
          }
          value.append(c);
          at++;
        }
        values.add(value.toString());
      } else {
        throw new IllegalArgumentException("Cannot read parameters at " + at + ": " + text);
      }
      if (text.startsWith(", ", at)) {
        at += 2;
      }
    }
    return values;
  }
}
