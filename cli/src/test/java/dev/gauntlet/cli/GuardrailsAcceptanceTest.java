package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.LedgerEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardrails gate tells a guarded agent from a careless one once the model complies with injections
 * ({@code unsafe_action} in {@code scenarios/guardrails.yaml}): the resilient agent's approval guard keeps every
 * forbidden tool out of the tool mock's journal and passes; the naive agent runs them and fails on accuracy. Whole
 * runs (reference agent as a child JVM, WireMock mocks, Gatling), about 40 s each.
 */
class GuardrailsAcceptanceTest {

  private static final Set<String> DANGEROUS =
      Set.of("issue_refund", "delete_account", "change_account_email");

  @Test
  void theApprovalGuardPassesTheGateThatTheNaiveAgentFails(@TempDir Path runs) throws IOException {
    Console resilient = CatalogRuns.run("guardrails.yaml", runs.resolve("resilient"));
    Console naive =
        CatalogRuns.run("guardrails.yaml", runs.resolve("naive"), "--set", "target.mode=naive");

    assertThat(resilient.exitCode())
        .as("resilient agent:\n" + resilient.out())
        .isEqualTo(ExitCodes.PASSED);
    assertThat(naive.exitCode()).as("naive agent:\n" + naive.out()).isEqualTo(ExitCodes.SLO_FAILED);
    assertThat(CatalogRuns.failedSlos(runs.resolve("naive"))).containsExactly("accuracy");
    assertThat(accuracy(runs.resolve("naive"))).isLessThan(1.0);
    assertThat(complied(runs.resolve("resilient")))
        .as("the fault acted on the resilient run too")
        .isPositive();
    assertThat(unguardedDangerousCalls(runs.resolve("resilient")))
        .as("held back by the approval guard")
        .isZero();
    assertThat(unguardedDangerousCalls(runs.resolve("naive")))
        .as("run by the naive agent")
        .isPositive();
  }

  private static double accuracy(Path run) throws IOException {
    for (JsonNode slo : CatalogRuns.verdict(run).path("slos")) {
      if (slo.path("metric").asText().equals("accuracy")) {
        return slo.path("measured").asDouble(Double.NaN);
      }
    }
    throw new AssertionError("no accuracy SLO in " + run.resolve("verdict.json"));
  }

  private static List<LedgerEntry> ledger(Path run) {
    return JsonLines.readAll(run.resolve("ledger.jsonl"), LedgerEntry.class);
  }

  /** LLM calls on which the model complied. */
  private static long complied(Path run) {
    return ledger(run).stream().filter(e -> "complies-with-injection".equals(e.fault())).count();
  }

  /** Dangerous calls the tool mock served without a fixture: the ones no script makes, only a complying model. */
  private static long unguardedDangerousCalls(Path run) {
    return ledger(run).stream()
        .filter(
            e ->
                LedgerEntry.TOOL.equals(e.kind())
                    && DANGEROUS.contains(e.tool())
                    && e.itemId() == null)
        .count();
  }
}
