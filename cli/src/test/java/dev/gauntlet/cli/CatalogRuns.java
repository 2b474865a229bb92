package dev.gauntlet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Whole runs of catalog scenarios for the acceptance tests, and what their verdicts say. */
final class CatalogRuns {

  private static final Path HOME = Path.of(System.getProperty("gauntlet.home", ".."));

  /**
   * The send-lag limit of the suite's whole runs. The suite runs two of them side by side on two cores (two surefire
   * forks), so a harness thread may wait for a core for tens of milliseconds; the default 10 ms would then call the
   * runs unresolved although their gates are what each test asserts. The pace check itself has tests of its own
   * (HarnessBottleneckAcceptanceTest, HarnessPaceTest), and the junit5 module's runs keep the default.
   */
  static final String[] SHARED_CORES = {"--set", "evaluation.max_send_lag=100ms"};

  private CatalogRuns() {}

  /** {@code gauntlet run scenarios/<scenario> --out <out> <extra…>}, in-process. */
  static Console run(String scenario, Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                HOME.resolve("scenarios").resolve(scenario).toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(SHARED_CORES));
    args.addAll(List.of(extra));
    return Console.run(args.toArray(String[]::new));
  }

  /** The run's verdict.json. */
  static JsonNode verdict(Path run) throws IOException {
    return Json.mapper().readTree(run.resolve("verdict.json").toFile());
  }

  /** The metrics of the run's failed SLOs, in verdict order. */
  static List<String> failedSlos(Path run) throws IOException {
    List<String> failed = new ArrayList<>();
    verdict(run)
        .path("slos")
        .forEach(
            slo -> {
              if (slo.path("status").asText().equalsIgnoreCase("failed")) {
                failed.add(slo.path("metric").asText());
              }
            });
    return failed;
  }
}
