package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.engine.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {

  private static final Path HOME = Path.of(System.getProperty("gauntlet.home", ".."));

  @Test
  void brokenExampleExitsOneListingEveryProblemWithoutAStackTrace() {
    String file = HOME.resolve("scenarios/broken-example.yaml").toString();

    Console console = Console.run("validate", file);

    assertThat(console.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(console.err())
        .contains(file + ":4:7 seed: must be an integer, but was 'forty-two'")
        .contains(
            file + ":31:12 slos[1].scope: must be one of [whole, during_faults, outside_faults]")
        .contains("10 problems found; nothing was run.")
        .doesNotContain("Exception")
        .doesNotContainPattern("\\tat [a-z]");
  }

  @Test
  void catalogScenariosAreValidWithTheirDataset() {
    Console console =
        Console.run(
            "validate",
            HOME.resolve("scenarios/smoke.yaml").toString(),
            HOME.resolve("scenarios/provider-outage.yaml").toString(),
            HOME.resolve("scenarios/rate-limit-storm.yaml").toString(),
            HOME.resolve("scenarios/steady-5k.yaml").toString());

    assertThat(console.exitCode()).as(console.err()).isZero();
    assertThat(console.out()).contains("smoke.yaml: valid (customer-support");
  }

  @Test
  void badOverrideIsInvalidInput() {
    Console console =
        Console.run(
            "validate",
            HOME.resolve("scenarios/smoke.yaml").toString(),
            "--set",
            "target.mode=reckless");

    assertThat(console.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(console.err())
        .contains("--set target.mode=reckless target.mode: must be one of [resilient, naive]");
  }

  @Test
  void unknownOptionIsInvalidInput() {
    assertThat(Console.run("run", "--frobnicate").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
  }
}
