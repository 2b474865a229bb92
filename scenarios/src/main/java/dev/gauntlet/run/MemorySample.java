package dev.gauntlet.run;

/**
 * One reading of a device's memory, written to {@code memory.jsonl} once a second and at each restart of a
 * simulated self-hosted model server.
 *
 * @param tsMs       epoch milliseconds
 * @param source     the provider name of a simulated server, or {@code gpu0} for a real GPU sampled through NVML
 * @param usedMb     memory in use, MiB
 * @param totalMb    the device's capacity, MiB
 * @param inferences completions served by that server since the run started (monotonic across restarts)
 * @param restarts   restarts so far
 */
public record MemorySample(long tsMs, String source, double usedMb, double totalMb, long inferences, int restarts) {}
