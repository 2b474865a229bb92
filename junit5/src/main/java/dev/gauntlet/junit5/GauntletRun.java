package dev.gauntlet.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.reports.Verdict;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A finished run as a test sees it: its run directory, exit code and the SLOs of its verdict.json (schema in
 * docs/reports.md). Immutable and thread-safe.
 *
 * @param dir      the run directory
 * @param exitCode what {@code gauntlet run} returned: 0 passed, 2 an SLO failed, 3 unresolved
 * @param scenario the scenario's name
 * @param seed     the seed, which repeats the run ({@code --set seed=…})
 * @param status   {@code passed}, {@code failed} or {@code unresolved}
 * @param reason   why: {@code 2 of 4 SLOs failed: success_rate, recovery_time}
 * @param outcome  {@code completed}, {@code interrupted} or {@code target_died}
 * @param slos     the SLOs in scenario order
 */
public record GauntletRun(
    Path dir,
    int exitCode,
    String scenario,
    long seed,
    String status,
    String reason,
    String outcome,
    List<SloOutcome> slos) {

  public GauntletRun {
    slos = List.copyOf(slos);
  }

  /** Reads the run directory {@code dir} written by {@code gauntlet run} or {@code gauntlet report}. */
  public static GauntletRun read(Path dir) {
    return read(dir, -1);
  }

  /** The run in {@code dir} as {@code verdict} (the one written to its verdict.json) judged it. */
  static GauntletRun of(Path dir, Verdict verdict) {
    List<SloOutcome> slos =
        verdict.slos().stream()
            .map(
                slo ->
                    new SloOutcome(
                        slo.name(),
                        slo.spec().metric(),
                        slo.spec().scopeLabel(),
                        slo.spec().min(),
                        slo.spec().max(),
                        slo.measured(),
                        slo.status().label(),
                        slo.message()))
            .toList();
    return new GauntletRun(
        dir,
        verdict.exitCode(),
        verdict.scenario(),
        verdict.seed(),
        verdict.status().label(),
        verdict.reason(),
        verdict.outcome(),
        slos);
  }

  private static GauntletRun read(Path dir, int exitCode) {
    JsonNode verdict;
    try {
      verdict = Json.mapper().readTree(dir.resolve("verdict.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(
          dir.resolve("verdict.json")
              + " must be a verdict written by gauntlet, but it "
              + "could not be read; was the run killed before it was judged?",
          e);
    }
    List<SloOutcome> slos = new ArrayList<>();
    verdict
        .path("slos")
        .forEach(
            slo ->
                slos.add(
                    new SloOutcome(
                        slo.path("name").asText(),
                        slo.path("metric").asText(),
                        slo.path("scope").asText(),
                        number(slo, "min"),
                        number(slo, "max"),
                        number(slo, "measured"),
                        slo.path("status").asText(),
                        slo.path("message").asText())));
    return new GauntletRun(
        dir,
        exitCode < 0 ? verdict.path("exit_code").asInt() : exitCode,
        verdict.path("scenario").asText(),
        verdict.path("seed").asLong(),
        verdict.path("status").asText(),
        verdict.path("reason").asText(),
        verdict.path("outcome").asText(),
        slos);
  }

  /** The SLO called {@code name} ({@code latency.p95}, {@code accuracy@during_faults}), if the run has it. */
  public Optional<SloOutcome> slo(String name) {
    return slos.stream().filter(slo -> slo.name().equals(name)).findFirst();
  }

  /** The run's report.html. */
  public Path report() {
    return dir.resolve("report.html");
  }

  /** Where to look and how to repeat: {@code seed 7; run directory target/gauntlet/X (report.html)}. */
  public String whereToLook() {
    return "seed "
        + seed
        + " (--set seed="
        + seed
        + " repeats it); run directory "
        + dir
        + " (report.html)";
  }

  /**
   * One dynamic test per SLO, named after it: a failed SLO fails with its message (threshold, measured value and
   * miss), an unresolved one errors with {@link SloUnresolvedException}. A run that did not complete adds a test
   * {@code run} that errors.
   */
  public Stream<DynamicTest> sloTests() {
    Stream<DynamicTest> perSlo =
        slos.stream().map(slo -> DynamicTest.dynamicTest(slo.name(), () -> check(slo)));
    if ("completed".equals(outcome)) {
      return perSlo;
    }
    return Stream.concat(
        Stream.of(
            DynamicTest.dynamicTest(
                "run",
                () -> {
                  throw new SloUnresolvedException(
                      "the run did not complete ("
                          + outcome
                          + "): "
                          + reason
                          + "; "
                          + whereToLook());
                })),
        perSlo);
  }

  private void check(SloOutcome slo) {
    switch (slo.status()) {
      case SloOutcome.PASSED -> {}
      case SloOutcome.FAILED -> throw new AssertionError(slo.describe() + "; " + whereToLook());
      default -> throw new SloUnresolvedException(slo.describe() + "; " + whereToLook());
    }
  }

  private static Double number(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNumber() ? value.asDouble() : null;
  }
}
