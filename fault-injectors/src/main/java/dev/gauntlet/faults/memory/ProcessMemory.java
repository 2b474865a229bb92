package dev.gauntlet.faults.memory;

/**
 * One reading of a process's memory from {@code /proc/PID/status}, in bytes. Immutable.
 *
 * @param pid             the process
 * @param residentBytes   {@code VmRSS}: everything resident
 * @param anonymousBytes  {@code RssAnon}: resident anonymous memory (heap, stacks, anonymous mappings), where
 *                        leaks and the host-memory injector show
 * @param fileBytes       {@code RssFile}: resident file-backed pages (code, mapped files)
 */
public record ProcessMemory(long pid, long residentBytes, long anonymousBytes, long fileBytes) {

  /** {@link #residentBytes()} in MiB. */
  public double residentMegabytes() {
    return residentBytes / (double) MemoryRamp.MIB;
  }
}
