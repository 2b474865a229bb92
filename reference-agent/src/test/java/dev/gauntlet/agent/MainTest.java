package dev.gauntlet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the main class as the harness does: a child process configured by its environment. */
class MainTest {

  @Test
  void aBadVariableExitsWithOneLineAndNoStackTrace() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
            "-cp",
            System.getProperty("java.class.path"),
            ReferenceAgent.class.getName());
    builder.environment().put("AGENT_PORT", "x");
    Process process = builder.start();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(stderr)
        .isEqualTo(
            "AGENT_PORT must be an integer in [0, 65535], but was x" + System.lineSeparator());
  }
}
