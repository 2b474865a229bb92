package dev.gauntlet.run;

/**
 * One reading of a model server's memory, written to {@code memory.jsonl} once a second and at each restart: the
 * ground truth for the leak rate and the memory chart.
 *
 * @param tsMs       epoch milliseconds when memory was read
 * @param source     the provider name of a simulated self-hosted server, or {@code gpu0} for a real NVML sample
 * @param usedMb     memory in use, MiB
 * @param totalMb    the device's capacity, MiB
 * @param inferences completions served by that server since the run started (monotonic across restarts)
 * @param restarts   restarts so far
 */
public record MemorySample(
    long tsMs, String source, double usedMb, double totalMb, long inferences, int restarts) {}
