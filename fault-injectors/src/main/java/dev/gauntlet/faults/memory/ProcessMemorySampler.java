package dev.gauntlet.faults.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a process's resident memory from {@code /proc/PID/status} (Linux). Each {@link #sample()} reads the file
 * afresh. Thread-safe.
 */
public final class ProcessMemorySampler {

  private final long pid;
  private final Path status;

  private ProcessMemorySampler(long pid, Path proc) {
    this.pid = pid;
    this.status = proc.resolve(Long.toString(pid)).resolve("status");
  }

  /** A sampler for process {@code pid}. */
  public static ProcessMemorySampler of(long pid) {
    return new ProcessMemorySampler(pid, Path.of("/proc"));
  }

  /** A sampler for this JVM. */
  public static ProcessMemorySampler self() {
    return of(ProcessHandle.current().pid());
  }

  /**
   * Reads the process's memory now.
   *
   * @throws IllegalStateException when the process is gone or there is no {@code /proc} (not Linux)
   */
  public ProcessMemory sample() {
    List<String> lines;
    try {
      lines = Files.readAllLines(status);
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not read "
              + status
              + ": process "
              + pid
              + " has exited, or this is "
              + "not Linux (resident memory is read from /proc)");
    }
    Map<String, Long> kib = new HashMap<>();
    for (String line : lines) {
      String[] parts = line.split("\\s+");
      if (parts.length == 3 && parts[2].equals("kB")) {
        kib.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
      }
    }
    return new ProcessMemory(
        pid,
        1024 * kib.getOrDefault("VmRSS", 0L),
        1024 * kib.getOrDefault("RssAnon", 0L),
        1024 * kib.getOrDefault("RssFile", 0L));
  }
}
