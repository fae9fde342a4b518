package com.paxcare.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts of the campaign: inputs per endpoint, per mutator, answers seen; the findings; the report. */
final class Tally {
  static final Tally ALL = new Tally();

  private final Map<String, Integer> perEndpoint = new TreeMap<>();
  private final Map<String, Integer> perMutator = new TreeMap<>();
  private final Map<String, Map<String, Integer>> statusesPerEndpoint = new TreeMap<>();
  private final Map<String, Integer> statuses = new TreeMap<>();
  private final List<String> findings = new ArrayList<>();
  private final Map<String, Long> millis = new TreeMap<>();
  private int total;
  private int dbChecks;

  synchronized void count(String endpoint, String mutator, String outcome) {
    total++;
    perEndpoint.merge(endpoint, 1, Integer::sum);
    perMutator.merge(mutator, 1, Integer::sum);
    statuses.merge(outcome, 1, Integer::sum);
    statusesPerEndpoint.computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
  }

  synchronized void databaseChecked() {
    dbChecks++;
  }

  synchronized void finding(String text) {
    findings.add(text);
  }

  synchronized List<String> findings() {
    return List.copyOf(findings);
  }

  synchronized void took(String part, long ms) {
    millis.put(part, ms);
  }

  synchronized int total() {
    return total;
  }

  synchronized String report(long seed) {
    StringBuilder md = new StringBuilder();
    md.append("# Bad-input campaign\n\n");
    md.append("Seed ").append(seed).append(" (rerun with `-Dbadinput.seed=").append(seed).append("`). ")
        .append(total).append(" inputs tried; ").append(dbChecks)
        .append(" refused inputs checked against a snapshot of every table; ").append(findings.size())
        .append(" findings.\n\n");
    md.append("| part | seconds |\n|---|---:|\n");
    millis.forEach((part, ms) -> md.append("| ").append(part).append(" | ")
        .append(String.format("%.1f", ms / 1000.0)).append(" |\n"));
    md.append("\n## Answers\n\n| answer | inputs |\n|---|---:|\n");
    statuses.forEach((s, n) -> md.append("| ").append(s).append(" | ").append(n).append(" |\n"));
    md.append("\n## Inputs per endpoint\n\n| endpoint | inputs | answers |\n|---|---:|---|\n");
    perEndpoint.forEach((e, n) -> md.append("| `").append(e).append("` | ").append(n).append(" | ")
        .append(statusesPerEndpoint.get(e).toString().replaceAll("[{}]", "")).append(" |\n"));
    md.append("\n## Inputs per mutator\n\n| mutator | inputs |\n|---|---:|\n");
    perMutator.forEach((m, n) -> md.append("| ").append(m).append(" | ").append(n).append(" |\n"));
    md.append("\n## Findings\n\n");
    if (findings.isEmpty()) {
      md.append("None: every input got a clear answer, never a 5xx, and no refused input wrote anything.\n");
    }
    findings.forEach(f -> md.append("- ").append(f.replace("\n", " ")).append('\n'));
    return md.toString();
  }

  void write(long seed) {
    String report = report(seed);
    System.out.println(report);
    try {
      Files.createDirectories(Path.of("target"));
      // getBytes replaces what UTF-8 cannot encode (a lone surrogate sent on purpose) instead of failing
      Files.write(Path.of("target", "bad-input-report.md"), report.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
