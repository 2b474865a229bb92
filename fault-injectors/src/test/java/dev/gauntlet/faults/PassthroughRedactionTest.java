package dev.gauntlet.faults;

import static dev.gauntlet.faults.Fixtures.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.scenario.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stand-in upstream (a JDK HttpServer) that echoes secrets back, so that every place a secret can hide in an
 * exchange holds one; the fixture written must hold none of them.
 */
class PassthroughRedactionTest {

  /**
   * The key comes from an environment variable; tests cannot set one, so they name one every Linux process has.
   * Its value must reach the upstream and never the disk.
   */
  private static final String KEY_ENV = "PATH";

  private static final String SECRET = "sk-test-123";
  private static final String ANTHROPIC_SECRET = "sk-ant-api03-abcDEF";
  private static final String TOKEN = "eyJhbGciOi.payload.sig";

  @TempDir Path dir;

  private HttpServer upstream;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/v1/chat/completions",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\""
                      + MODEL
                      + "\","
                      + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                      + "\"your key is "
                      + SECRET
                      + " and "
                      + ANTHROPIC_SECRET
                      + "\"}}],"
                      + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":7,\"total_tokens\":16}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("content-type", "application/json");
          exchange.getResponseHeaders().add("set-cookie", "__cf_bm=" + SECRET + "; path=/");
          exchange.getResponseHeaders().add("openai-organization", "org-secret-team");
          exchange.getResponseHeaders().add("x-echo", "Bearer " + TOKEN);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  @Test
  void noSecretReachesTheFixtureAndTheUpstreamGetsTheKeyFromTheEnvironment() throws Exception {
    Path fixtures = dir.resolve("fixtures");
    URI base = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
    Provider provider = Provider.passthrough("primary", "openai", MODEL, base, KEY_ENV, fixtures);
    String body =
        "{\"model\":\""
            + MODEL
            + "\",\"user\":\""
            + SECRET
            + "\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"my key is "
            + SECRET
            + ", token Bearer "
            + TOKEN
            + "\"}]}";

    try (FaultPlane plane =
        PassthroughRig.start(PassthroughRig.scenario(provider), dir.resolve("run"))) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(plane.providerBaseUrl("primary") + "/chat/completions"))
                      .header("content-type", "application/json")
                      .header("Authorization", "Bearer " + SECRET)
                      .header("x-api-key", SECRET)
                      .header("OpenAI-Project", "proj_secret")
                      .header("Cookie", "session=" + SECRET)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .as("the agent gets the upstream's answer unchanged")
          .contains(SECRET);
    }

    assertThat(authorizations)
        .as("the upstream's key comes from api_key_env, not from the agent")
        .containsExactly("Bearer " + System.getenv(KEY_ENV));
    String written;
    try (Stream<Path> files = Files.list(fixtures)) {
      written = String.join("\n", files.map(PassthroughRedactionTest::read).toList());
    }
    assertThat(written)
        .as("a fixture was written")
        .contains("[REDACTED]", "chat/completions")
        .doesNotContain(
            SECRET,
            ANTHROPIC_SECRET,
            TOKEN,
            "org-secret-team",
            "proj_secret",
            System.getenv(KEY_ENV));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
