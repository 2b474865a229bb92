package dev.gauntlet.reports.leak;

/**
 * One reading: how many tasks (inferences) had been served, and the memory in use then. Immutable.
 *
 * @param tasksServed the running count of tasks served when memory was read
 * @param memoryMb    the memory in MB (whatever was sampled: a process's RSS, a GPU's used memory)
 */
public record LeakSample(double tasksServed, double memoryMb) {

  public LeakSample {
    if (!Double.isFinite(tasksServed) || tasksServed < 0) {
      throw new IllegalArgumentException(
          "tasksServed must be finite and >= 0, but was " + tasksServed);
    }
    if (!Double.isFinite(memoryMb)) {
      throw new IllegalArgumentException("memoryMb must be finite, but was " + memoryMb);
    }
  }
}
