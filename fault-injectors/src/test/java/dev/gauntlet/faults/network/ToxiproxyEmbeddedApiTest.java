package dev.gauntlet.faults.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the embedded server answers where Toxiproxy's own answer is unspecified or varies between releases: input
 * it validates, PATCH, routes it does not know, and starting on a busy port.
 */
class ToxiproxyEmbeddedApiTest {

  private static final String UPSTREAM = "127.0.0.1:9";

  private static ToxiproxyServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = ToxiproxyServer.start("127.0.0.1", 0);
    api = new Api(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void deleteProxies() {
    api.call("GET", "/proxies", null)
        .body()
        .fieldNames()
        .forEachRemaining(name -> api.call("DELETE", "/proxies/" + name, null));
  }

  private static void create(String name) {
    assertThat(
            api.call(
                    "POST",
                    "/proxies",
                    "{\"name\":\"" + name + "\",\"upstream\":\"" + UPSTREAM + "\"}")
                .status())
        .isEqualTo(201);
  }

  private static void assertError(Api.Answer answer, int status, String message) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.body().get("error").asText()).isEqualTo(message);
    assertThat(answer.body().get("status").asInt()).isEqualTo(status);
  }

  @Test
  void versionIsJsonNamingTheToxiproxyReleaseFollowed() {
    Api.Answer answer = api.call("GET", "/version", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("version").asText()).startsWith("2.12.0");
  }

  @Test
  void aListenWithoutPortIs400NamingTheField() {
    assertError(
        api.call(
            "POST",
            "/proxies",
            "{\"name\":\"p\",\"listen\":\"nowhere\",\"upstream\":\"" + UPSTREAM + "\"}"),
        400,
        "bad request body: listen must be host:port, but was \"nowhere\"");
    assertError(
        api.call("POST", "/proxies", "{\"name\":\"p\",\"upstream\":\"127.0.0.1:70000\"}"),
        400,
        "bad request body: upstream must end in a port in [0, 65535], but was \"127.0.0.1:70000\"");
  }

  @Test
  void aListenWithoutAddressDefaultsToLoopbackOnAnyPort() {
    create("defaulted");

    assertThat(api.call("GET", "/proxies/defaulted", null).body().get("listen").asText())
        .matches("127\\.0\\.0\\.1:[1-9]\\d*");
  }

  @Test
  void aBusyListenPortIs500WithTheListenError() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Api.Answer answer =
          api.call(
              "POST",
              "/proxies",
              "{\"name\":\"busy\",\"listen\":\"127.0.0.1:"
                  + busy.getLocalPort()
                  + "\",\"upstream\":\""
                  + UPSTREAM
                  + "\"}");

      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.body().get("error").asText())
          .startsWith("listen tcp 127.0.0.1:" + busy.getLocalPort());
      assertThat(api.call("GET", "/proxies/busy", null).status())
          .as("nothing was created")
          .isEqualTo(404);
    }
  }

  @Test
  void aProxyCreatedDisabledDoesNotListen() {
    Api.Answer answer =
        api.call(
            "POST",
            "/proxies",
            "{\"name\":\"off\",\"upstream\":\"" + UPSTREAM + "\",\"enabled\":false}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body().get("enabled").asBoolean()).isFalse();
    assertThat(answer.body().get("listen").asText()).isEqualTo("127.0.0.1:0");
  }

  @Test
  void toxicityOutsideZeroToOneIs400() {
    create("p");

    assertError(
        api.call("POST", "/proxies/p/toxics", "{\"type\":\"latency\",\"toxicity\":1.5}"),
        400,
        "bad request body: toxicity must be a number in [0, 1], but was 1.5");
  }

  @Test
  void aNegativeOrFractionalAttributeIs400() {
    create("p");

    assertError(
        api.call(
            "POST", "/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":-5}}"),
        400,
        "bad request body: attributes.latency must be a whole number >= 0, but was -5");
    assertError(
        api.call(
            "POST", "/proxies/p/toxics", "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":1.5}}"),
        400,
        "bad request body: attributes.rate must be a whole number >= 0, but was 1.5");
  }

  @Test
  void patchUpdatesAToxicLikePost() {
    create("p");
    api.call(
        "POST",
        "/proxies/p/toxics",
        "{\"name\":\"lag\",\"type\":\"latency\",\"attributes\":{\"latency\":5}}");

    Api.Answer answer =
        api.call("PATCH", "/proxies/p/toxics/lag", "{\"attributes\":{\"jitter\":2}}");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode attributes = answer.body().get("attributes");
    assertThat(attributes.get("latency").asLong()).isEqualTo(5);
    assertThat(attributes.get("jitter").asLong()).isEqualTo(2);
  }

  @Test
  void anUnknownRouteIs404AndAWrongMethod405() {
    assertThat(api.call("GET", "/nowhere", null).status()).isEqualTo(404);
    assertThat(api.call("DELETE", "/proxies", null).status()).isEqualTo(405);
    assertThat(api.call("POST", "/version", "{}").status()).isEqualTo(405);
  }

  @Test
  void startingOnABusyPortSaysHowToFixIt() {
    assertThatThrownBy(() -> ToxiproxyServer.start("127.0.0.1", server.port()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + server.port())
        .hasMessageContaining("pass port 0 for any free port");
  }

  @Test
  void baseUrlNamesTheHostAndThePortBound() {
    assertThat(server.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    assertThat(server.seed()).isEqualTo(ToxiproxyServer.DEFAULT_SEED);
  }
}
