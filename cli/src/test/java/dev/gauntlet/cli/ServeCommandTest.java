package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.run.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gauntlet serve} as an engineer on a game day uses it: start it, read the printed endpoints, call the
 * provider through them, switch the scenario's fault by hand, start the schedule, and find every switch in the
 * timeline afterwards.
 */
class ServeCommandTest {

  private static final Path HOME =
      Path.of(System.getProperty("gauntlet.home", "..")).toAbsolutePath();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String CHAT =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Hannah here. Checking in on order A82634.\"}]}";

  @Test
  void servesTheFaultPlaneAndSwitchesFaultsByHand(@TempDir Path dir) throws Exception {
    Path runDir = dir.resolve("serve");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream oldOut = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    CompletableFuture<Integer> serve;
    String out;
    try {
      serve =
          CompletableFuture.supplyAsync(
              () ->
                  GauntletCommand.execute(
                      "serve",
                      HOME.resolve("scenarios/provider-outage.yaml").toString(),
                      "--out",
                      runDir.toString(),
                      "--duration",
                      "10s"));
      out = awaitPrinted(printed, "serving for", serve);
    } finally {
      System.setOut(oldOut);
    }
    URI provider =
        URI.create(find(out, "provider primary\\s+openai\\s+(\\S+)") + "/chat/completions");
    String admin = find(out, "admin\\s+(\\S+)");

    assertThat(out)
        .contains("OPENAI_BASE_URL=" + find(out, "provider primary\\s+openai\\s+(\\S+)"))
        .contains("OPENAI_FALLBACK_BASE_URL=" + find(out, "provider fallback\\s+openai\\s+(\\S+)"))
        .contains("AGENT_TOOLS_URL=" + find(out, "tools\\s+(\\S+)"))
        .doesNotContain("AGENT_MODE");
    assertThat(post(provider, CHAT).statusCode()).as("before any fault").isEqualTo(200);

    JsonNode fault = json(get(admin + "/faults")).path("faults").get(0);
    assertThat(fault.path("name").asText()).isEqualTo("primary-503");
    assertThat(fault.path("state").asText()).isEqualTo("off");

    assertThat(post(URI.create(admin + "/faults/primary-503/on"), "").statusCode()).isEqualTo(200);
    assertThat(post(provider, CHAT).statusCode()).as("switched on by hand").isEqualTo(503);
    assertThat(post(URI.create(admin + "/faults/primary-503/on"), "").statusCode())
        .as("on twice")
        .isEqualTo(409);
    assertThat(post(URI.create(admin + "/faults/primary-503/off"), "").statusCode()).isEqualTo(200);
    assertThat(post(provider, CHAT).statusCode()).as("switched off by hand").isEqualTo(200);

    assertThat(post(URI.create(admin + "/schedule/start"), "").statusCode()).isEqualTo(200);
    HttpResponse<String> again = post(URI.create(admin + "/schedule/start"), "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).path("error").asText()).contains("started at");

    assertThat(serve.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.PASSED);
    assertThat(runDir.resolve("scenario.yaml")).exists();
    assertThat(Files.readAllLines(runDir.resolve("ledger.jsonl"))).hasSize(3);
    assertThat(timeline(runDir))
        .extracting(
            l -> l.path("fault").asText(),
            l -> l.path("action").asText(),
            l -> l.path("by").asText())
        .containsSubsequence(
            tuple("primary-503", "on", "manual"), tuple("primary-503", "off", "manual"));
  }

  @Test
  void rejectsADurationItCannotRead() {
    Console console =
        Console.run(
            "serve",
            HOME.resolve("scenarios/provider-outage.yaml").toString(),
            "--duration",
            "soon");

    assertThat(console.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(console.err())
        .contains("must be a duration such as 500ms, 30s, 2m or 1h, but was 'soon'");
  }

  private static String awaitPrinted(
      ByteArrayOutputStream printed, String marker, CompletableFuture<Integer> serve)
      throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      String text = printed.toString(StandardCharsets.UTF_8);
      if (text.contains(marker)) {
        return text;
      }
      assertThat(serve).as("serve ended early:\n" + text).isNotDone();
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no '" + marker + "' in 60 s:\n" + printed);
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
    return m.group(1);
  }

  private static List<JsonNode> timeline(Path runDir) throws IOException {
    return Files.readAllLines(runDir.resolve("timeline.jsonl")).stream()
        .map(ServeCommandTest::parse)
        .toList();
  }

  private static JsonNode json(HttpResponse<String> response) {
    return parse(response.body());
  }

  private static JsonNode parse(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static HttpResponse<String> get(String uri) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(uri)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(URI uri, String body)
      throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(uri)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
