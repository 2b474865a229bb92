package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.engine.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rate far above what the harness can send on any machine it runs on: the verdict is unresolved, with the harness
 * named as the bottleneck, never passed nor failed on the agent's account.
 */
class HarnessBottleneckAcceptanceTest {

  private static final Path HOME =
      Path.of(System.getProperty("gauntlet.home", "..")).toAbsolutePath();
  private static final byte[] ANSWER = "{\"output\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void anOverloadedHarnessLeavesTheRateDependentSlosUnresolvedNamingItself(@TempDir Path dir)
      throws IOException {
    HttpServer agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    agent.setExecutor(Executors.newFixedThreadPool(4));
    agent.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
          exchange.sendResponseHeaders(200, ANSWER.length);
          exchange.getResponseBody().write(ANSWER);
          exchange.close();
        });
    agent.start();
    try {
      Path out = dir.resolve("overload");
      // 10,000 tasks a second for 3 s (the first 2 are the harness's start-up): ten times its goal
      // on two cores.
      Console console =
          Console.run(
              "run",
              HOME.resolve("bench/ceiling.yaml").toString(),
              "--out",
              out.toString(),
              "--set",
              "target.url=http://127.0.0.1:" + agent.getAddress().getPort(),
              "--set",
              "workload.profile[0].constant.rate=600000/min",
              "--set",
              "workload.profile[0].constant.duration=3s",
              "--set",
              "workload.task_timeout=1s");

      assertThat(console.exitCode()).as(console.out()).isEqualTo(ExitCodes.UNRESOLVED);
      assertThat(console.out())
          .contains("FELL BEHIND")
          .contains(
              "the load generator, not the agent, was the bottleneck — lower the rate or give Gauntlet more CPU");
      JsonNode verdict = CatalogRuns.verdict(out);
      assertThat(verdict.at("/harness/fell_behind").asBoolean()).isTrue();
      assertThat(verdict.at("/harness/send_lag_ms/p99").asLong()).isGreaterThan(10);
      verdict
          .path("slos")
          .forEach(
              slo ->
                  assertThat(slo.path("status").asText())
                      .as(slo.toString())
                      .isEqualTo("unresolved"));
      assertThat(verdict.path("slos").get(0).path("message").asText()).contains("the harness");
    } finally {
      agent.stop(0);
    }
  }
}
