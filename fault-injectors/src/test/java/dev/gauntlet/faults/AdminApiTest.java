package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API as a plain HTTP client sees it: JSON in and out, errors with their status codes. */
class AdminApiTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String CHAT =
      "{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";

  @TempDir Path dir;

  private FaultPlane plane;

  @BeforeEach
  void start() {
    plane =
        FaultPlane.start(
            Fixtures.scenario(
                1, Fixtures.outage("blip", Duration.ofMinutes(5), Duration.ofMinutes(1), 1.0, 502)),
            Fixtures.dataset(),
            RunDirectory.create(dir),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    plane.close();
  }

  private HttpResponse<String> call(String method, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(plane.adminBaseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    return Fixtures.json(response.body());
  }

  private int chat() {
    return Http.post(URI.create(plane.providerBaseUrl("primary") + "/chat/completions"), CHAT, null)
        .statusCode();
  }

  @Test
  void listsEveryFaultWithItsWindowAndState() {
    JsonNode fault = json(call("GET", "/faults")).path("faults").get(0);

    assertThat(fault.toString())
        .isEqualTo(
            "{\"name\":\"blip\",\"kind\":\"outage\",\"provider\":\"primary\","
                + "\"window\":{\"start\":\"5m\",\"duration\":\"1m\"},\"state\":\"off\",\"source\":\"schedule\"}");
  }

  @Test
  void switchingByHandChangesWhatTheNextCallGets() {
    assertThat(chat()).isEqualTo(200);

    HttpResponse<String> on = call("POST", "/faults/blip/on");
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(json(on).path("state").asText()).isEqualTo("on");
    assertThat(json(on).path("source").asText()).isEqualTo("manual");
    assertThat(chat()).as("while switched on").isEqualTo(502);

    assertThat(call("POST", "/faults/blip/off").statusCode()).isEqualTo(200);
    assertThat(chat()).as("after switching off").isEqualTo(200);
  }

  @Test
  void conflictsAndUnknownsAnswerTheirStatusWithAnErrorBody() {
    call("POST", "/faults/blip/on");

    HttpResponse<String> again = call("POST", "/faults/blip/on");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).path("error").asText())
        .isEqualTo("fault 'blip' is already on (switched on by hand); switch it off first");

    HttpResponse<String> unknown = call("POST", "/faults/nope/on");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("error").asText())
        .isEqualTo("fault must be one of [blip], but was 'nope'");

    HttpResponse<String> wrongMethod = call("GET", "/faults/blip/on");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");

    assertThat(call("GET", "/nowhere").statusCode()).isEqualTo(404);
    assertThat(call("GET", "/faults/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void scheduleStartsOnce() {
    assertThat(json(call("GET", "/health")).path("schedule").asText()).isEqualTo("not_started");

    HttpResponse<String> first = call("POST", "/schedule/start");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json(first).path("schedule").asText()).isEqualTo("started");
    assertThat(plane.timelineStartedAt()).isPresent();

    HttpResponse<String> second = call("POST", "/schedule/start");
    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(json(second).path("error").asText()).startsWith("timeline must be started once");
  }

  @Test
  void listensOnLoopbackOnly() {
    assertThat(plane.adminBaseUrl().getHost()).isEqualTo("127.0.0.1");
  }
}
