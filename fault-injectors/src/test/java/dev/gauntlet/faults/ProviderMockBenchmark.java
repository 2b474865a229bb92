package dev.gauntlet.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gauntlet.run.RunDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Benchmark server, not a test: starts the scripted provider mock and, beside it, a plain WireMock static stub that
 * answers the same body, prints their URLs and the body, and serves until stdin closes. {@code bench/provider-mock.sh}
 * drives both (and nginx) with wrk.
 */
public final class ProviderMockBenchmark {

  static final String REQUEST =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";

  private ProviderMockBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("gauntlet-bench");
    try (FaultPlane plane =
        FaultPlane.start(
            Fixtures.scenario(1),
            Fixtures.dataset(),
            RunDirectory.create(dir),
            Clock.systemUTC())) {
      URI scripted = URI.create(plane.providerBaseUrl("primary") + "/chat/completions");
      String body =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(scripted)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      WireMockServer plain =
          new WireMockServer(
              options()
                  .dynamicPort()
                  .bindAddress("127.0.0.1")
                  .disableRequestJournal()
                  .stubRequestLoggingDisabled(true)
                  .containerThreads(256));
      plain.start();
      plain.stubFor(
          post(urlEqualTo("/v1/chat/completions"))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody(body)));
      System.out.println("SCRIPTED " + scripted);
      System.out.println("STATIC http://127.0.0.1:" + plain.port() + "/v1/chat/completions");
      System.out.println("BODY " + body);
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the driver closes our stdin
      }
      plain.stop();
    }
  }
}
