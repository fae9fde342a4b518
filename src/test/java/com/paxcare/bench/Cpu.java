package com.paxcare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the machine's CPU went during a measurement, from /proc: the whole machine, this JVM (the PaxCare node and
 * its load generator), the processes this JVM started and waited for (pgbench), and PostgreSQL (the postmaster, its
 * live backends, and the backends it has reaped). What is left is other people's work on the same machine.
 */
final class Cpu {
  private static final double TICKS = 100.0; // USER_HZ on Linux

  /** CPU seconds, cumulative. */
  record Sample(double machineBusy, double machineIdle, double jvm, double jvmChildren, double postgres, long at) {
    Sample minus(Sample before) {
      return new Sample(machineBusy - before.machineBusy, machineIdle - before.machineIdle, jvm - before.jvm,
          jvmChildren - before.jvmChildren, postgres - before.postgres, at - before.at);
    }

    /** CPU seconds of processes other than PostgreSQL, this JVM and its children. */
    double others() {
      return Math.max(0, machineBusy - jvm - jvmChildren - postgres);
    }

    /** CPU seconds the machine had (busy and idle). */
    double total() {
      return machineBusy + machineIdle;
    }

    /** CPU milliseconds per event of PostgreSQL, this JVM and its children. */
    String perEvent(double events, String childName) {
      return String.format(java.util.Locale.ROOT, "per event: PostgreSQL %.1f ms, PaxCare JVM %.1f ms, %s %.1f ms of CPU",
          1000 * postgres / events, 1000 * jvm / events, childName, 1000 * jvmChildren / events);
    }

    /** A line for the report: core-seconds of each, over the wall-clock seconds. */
    String describe(String childName) {
      double wall = at / 1e9;
      double others = others();
      return String.format(java.util.Locale.ROOT, "%.0f s wall x %d cores = %.0f core-s: PostgreSQL %.1f, PaxCare JVM %.1f, "
              + "%s %.1f, other processes %.1f, idle %.1f", wall, Runtime.getRuntime().availableProcessors(),
          machineBusy + machineIdle, postgres, jvm, childName, jvmChildren, others, machineIdle);
    }
  }

  private final long postmaster;

  Cpu(long postmaster) {
    this.postmaster = postmaster;
  }

  /** The postmaster of the backend with this pid. */
  static long parentOf(long pid) throws IOException {
    return Long.parseLong(fields(pid).get(1));
  }

  Sample sample() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < cpu.length && i <= 8; i++) {
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
      List<String> self = fields(ProcessHandle.current().pid());
      double jvm = (Long.parseLong(self.get(11)) + Long.parseLong(self.get(12))) / TICKS;
      double children = (Long.parseLong(self.get(13)) + Long.parseLong(self.get(14))) / TICKS;
      List<String> master = fields(postmaster);
      double postgres = (Long.parseLong(master.get(11)) + Long.parseLong(master.get(12)) + Long.parseLong(master.get(13))
          + Long.parseLong(master.get(14))) / TICKS;
      try (var processes = Files.list(Path.of("/proc"))) {
        for (Path process : processes.toList()) {
          String name = process.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            List<String> f = fields(Long.parseLong(name));
            if (Long.parseLong(f.get(1)) == postmaster) {
              postgres += (Long.parseLong(f.get(11)) + Long.parseLong(f.get(12))) / TICKS;
            }
          } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile
          }
        }
      }
      return new Sample((total - idle) / TICKS, idle / TICKS, jvm, children, postgres, System.nanoTime());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** /proc/[pid]/stat after the command name: state is field 0, ppid 1, utime 11, stime 12, cutime 13, cstime 14. */
  private static List<String> fields(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+"));
  }
}
