package dev.gauntlet.faults.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * toxiproxy-java's calls on every endpoint and every toxic type, and the errors clients match on, with raw HTTP
 * for what toxiproxy-java cannot say. Runs against the embedded server, or unchanged against a real Toxiproxy 2.x:
 * {@code -Dtoxiproxy.url=http://127.0.0.1:8474}. It sends no traffic through the proxies, so their upstream need
 * not exist, and it touches only proxies named {@code compat_*}, except for {@code /reset}.
 */
class ToxiproxyCompatibilityTest {

  private static final String UPSTREAM = "127.0.0.1:9";
  private static final String ANY_PORT = "127.0.0.1:0";

  private static ToxiproxyServer embedded;
  private static URI base;
  private static ToxiproxyClient client;
  private static Api api;

  @BeforeAll
  static void connect() {
    String url = System.getProperty("toxiproxy.url", "");
    if (url.isBlank()) {
      embedded = ToxiproxyServer.start("127.0.0.1", 0);
    }
    base = url.isBlank() ? embedded.baseUrl() : URI.create(url);
    client = new ToxiproxyClient(base.getHost(), base.getPort());
    api = new Api(base);
  }

  @AfterAll
  static void stop() {
    if (embedded != null) {
      embedded.close();
    }
  }

  @BeforeEach
  @AfterEach
  void deleteOurProxies() throws IOException {
    for (Proxy proxy : client.getProxies()) {
      if (proxy.getName().startsWith("compat_")) {
        proxy.delete();
      }
    }
  }

  private static Proxy create(String name) throws IOException {
    return client.createProxy("compat_" + name, ANY_PORT, UPSTREAM);
  }

  @Test
  void versionAnswersAVersion() throws IOException {
    assertThat(client.version()).contains("2.");
  }

  @Test
  void createStartsTheProxyOnThePortItBound() throws IOException {
    Proxy proxy = create("created");

    assertThat(proxy.getName()).isEqualTo("compat_created");
    assertThat(proxy.getUpstream()).isEqualTo(UPSTREAM);
    assertThat(proxy.isEnabled()).isTrue();
    assertThat(proxy.getListen())
        .as("port 0 is replaced by the port bound")
        .matches("127\\.0\\.0\\.1:[1-9]\\d*");
  }

  @Test
  void getProxyFindsItAndGetProxyOrNullAnswersNullForAnUnknownName() throws IOException {
    Proxy created = create("found");

    assertThat(client.getProxy("compat_found").getListen()).isEqualTo(created.getListen());
    assertThat(client.getProxyOrNull("compat_missing")).isNull();
  }

  @Test
  void getProxiesListsThemInNameOrder() throws IOException {
    for (String name : List.of("c", "a", "b")) {
      create(name);
    }

    assertThat(client.getProxies())
        .map(Proxy::getName)
        .filteredOn(n -> n.startsWith("compat_"))
        .containsExactly("compat_a", "compat_b", "compat_c");
  }

  @Test
  void aDuplicateProxyIs409() throws IOException {
    create("twice");

    assertThatThrownBy(() -> create("twice"))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] proxy already exists");
  }

  @Test
  void anUnknownProxyIs404() {
    assertThatThrownBy(() -> client.getProxy("compat_missing"))
        .isInstanceOf(IOException.class)
        .hasMessage("[404] proxy not found");
    Api.Answer answer = api.call("DELETE", "/proxies/compat_missing", null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().get("error").asText()).isEqualTo("proxy not found");
    assertThat(answer.body().get("status").asInt()).isEqualTo(404);
  }

  @Test
  void deleteRemovesTheProxy() throws IOException {
    Proxy proxy = create("deleted");

    proxy.delete();

    assertThat(client.getProxyOrNull("compat_deleted")).isNull();
    assertThatThrownBy(proxy::delete)
        .as("a second delete is a 404")
        .isInstanceOf(IOException.class);
  }

  @Test
  void disableAndEnableSwitchTheProxy() throws IOException {
    Proxy proxy = create("switched");

    proxy.disable();
    assertThat(proxy.isEnabled()).isFalse();
    assertThat(client.getProxy("compat_switched").isEnabled()).isFalse();

    proxy.enable();
    assertThat(proxy.isEnabled()).isTrue();
  }

  @Test
  void setUpstreamAndSetListenMoveTheProxy() throws IOException {
    Proxy proxy = create("moved");

    proxy.setUpstream("127.0.0.1:10");
    proxy.setListen(ANY_PORT);

    Proxy read = client.getProxy("compat_moved");
    assertThat(read.getUpstream()).isEqualTo("127.0.0.1:10");
    assertThat(read.getListen()).matches("127\\.0\\.0\\.1:[1-9]\\d*");
    assertThat(read.isEnabled()).isTrue();
  }

  @Test
  void resetEnablesEveryProxyAndRemovesEveryToxic() throws IOException {
    // toxiproxy-java's reset() re-reads every proxy its client created, deleted ones too: use a
    // fresh client
    ToxiproxyClient fresh = new ToxiproxyClient(base.getHost(), base.getPort());
    Proxy proxy = fresh.createProxy("compat_reset", ANY_PORT, UPSTREAM);
    proxy.toxics().latency("down", ToxicDirection.DOWNSTREAM, 10);
    proxy.toxics().latency("up", ToxicDirection.UPSTREAM, 10);
    proxy.disable();

    fresh.reset();

    Proxy read = client.getProxy("compat_reset");
    assertThat(read.isEnabled()).isTrue();
    assertThat(read.toxics().getAll()).isEmpty();
  }

  @Test
  void latencyIsCreatedReadUpdatedAndRemoved() throws IOException {
    Proxy proxy = create("latency");
    Latency latency = proxy.toxics().latency("lag", ToxicDirection.DOWNSTREAM, 100);
    assertThat(latency.getLatency()).isEqualTo(100);
    assertThat(latency.getJitter()).isZero();

    latency.setJitter(15).setLatency(250);

    Latency read = proxy.toxics().get("lag", Latency.class);
    assertThat(read.getLatency()).isEqualTo(250);
    assertThat(read.getJitter())
        .as("an update keeps the attributes it does not name")
        .isEqualTo(15);
    assertRemoved(proxy, read);
  }

  @Test
  void bandwidthIsCreatedReadUpdatedAndRemoved() throws IOException {
    Proxy proxy = create("bandwidth");
    Bandwidth bandwidth = proxy.toxics().bandwidth("narrow", ToxicDirection.UPSTREAM, 64);
    assertThat(bandwidth.getStream()).isEqualTo(ToxicDirection.UPSTREAM);

    bandwidth.setRate(128);

    assertThat(proxy.toxics().get("narrow", Bandwidth.class).getRate()).isEqualTo(128);
    assertRemoved(proxy, bandwidth);
  }

  @Test
  void slowCloseIsCreatedReadUpdatedAndRemoved() throws IOException {
    Proxy proxy = create("slow_close");
    SlowClose slowClose = proxy.toxics().slowClose("lingering", ToxicDirection.DOWNSTREAM, 300);

    slowClose.setDelay(400);

    assertThat(proxy.toxics().get("lingering", SlowClose.class).getDelay()).isEqualTo(400);
    assertRemoved(proxy, slowClose);
  }

  @Test
  void timeoutIsCreatedReadUpdatedAndRemoved() throws IOException {
    Proxy proxy = create("timeout");
    Timeout timeout = proxy.toxics().timeout("stalled", ToxicDirection.DOWNSTREAM, 0);

    timeout.setTimeout(1500);

    assertThat(proxy.toxics().get("stalled", Timeout.class).getTimeout()).isEqualTo(1500);
    assertRemoved(proxy, timeout);
  }

  @Test
  void resetPeerIsCreatedReadUpdatedAndRemoved() throws IOException {
    Proxy proxy = create("reset_peer");
    ResetPeer reset = proxy.toxics().resetPeer("rst", ToxicDirection.UPSTREAM, 0);

    reset.setTimeout(20);

    assertThat(proxy.toxics().get("rst", ResetPeer.class).getTimeout()).isEqualTo(20);
    assertRemoved(proxy, reset);
  }

  @Test
  void slicerIsCreatedReadUpdatedAndRemoved() throws IOException {
    Proxy proxy = create("slicer");
    Slicer slicer = proxy.toxics().slicer("sliced", ToxicDirection.DOWNSTREAM, 100, 1000);
    assertThat(slicer.getAverageSize()).isEqualTo(100);
    assertThat(slicer.getDelay()).as("microseconds, kept as given").isEqualTo(1000);

    slicer.setSizeVariation(20).setAverageSize(50);

    Slicer read = proxy.toxics().get("sliced", Slicer.class);
    assertThat(read.getAverageSize()).isEqualTo(50);
    assertThat(read.getSizeVariation()).isEqualTo(20);
    assertThat(read.getDelay()).isEqualTo(1000);
    assertRemoved(proxy, read);
  }

  @Test
  void limitDataIsCreatedReadUpdatedAndRemoved() throws IOException {
    Proxy proxy = create("limit_data");
    LimitData limit = proxy.toxics().limitData("capped", ToxicDirection.DOWNSTREAM, 1000);

    limit.setBytes(10);

    assertThat(proxy.toxics().get("capped", LimitData.class).getBytes()).isEqualTo(10);
    assertRemoved(proxy, limit);
  }

  @Test
  void toxicityIsUpdatedAlone() throws IOException {
    Proxy proxy = create("toxicity");
    Latency latency = proxy.toxics().latency("sometimes", ToxicDirection.DOWNSTREAM, 100);
    assertThat(latency.getToxicity()).isEqualTo(1f);

    latency.setToxicity(0.25f);

    Latency read = proxy.toxics().get("sometimes", Latency.class);
    assertThat(read.getToxicity()).isEqualTo(0.25f);
    assertThat(read.getLatency()).isEqualTo(100);
  }

  @Test
  void toxicsAreListedUpstreamFirstThenDownstreamEachInOrderAdded() throws IOException {
    Proxy proxy = create("listed");
    proxy.toxics().latency("d1", ToxicDirection.DOWNSTREAM, 1);
    proxy.toxics().timeout("u1", ToxicDirection.UPSTREAM, 0);
    proxy.toxics().slicer("d2", ToxicDirection.DOWNSTREAM, 10, 0);
    proxy.toxics().limitData("u2", ToxicDirection.UPSTREAM, 5);

    List<? extends Toxic> all = proxy.toxics().getAll();

    assertThat(all).map(Toxic::getName).containsExactly("u1", "u2", "d1", "d2");
    assertThat(all)
        .map(t -> t.getClass().getSimpleName())
        .containsExactly("Timeout", "LimitData", "Latency", "Slicer");
  }

  @Test
  void aToxicDefaultsToDownstreamWholeToxicityAndATypeStreamName() {
    create201("defaults");

    Api.Answer answer =
        api.call("POST", "/proxies/compat_defaults/toxics", "{\"type\":\"latency\"}");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode toxic = answer.body();
    assertThat(toxic.get("name").asText()).isEqualTo("latency_downstream");
    assertThat(toxic.get("stream").asText()).isEqualTo("downstream");
    assertThat(toxic.get("toxicity").asDouble()).isEqualTo(1.0);
    assertThat(toxic.get("attributes").get("latency").asLong()).isZero();
    assertThat(toxic.get("attributes").get("jitter").asLong()).isZero();
  }

  @Test
  void aDuplicateToxicIs409() throws IOException {
    Proxy proxy = create("toxic_twice");
    proxy.toxics().latency("same", ToxicDirection.DOWNSTREAM, 1);

    assertThatThrownBy(() -> proxy.toxics().timeout("same", ToxicDirection.UPSTREAM, 1))
        .isInstanceOf(IOException.class)
        .hasMessage("[409] toxic already exists");
  }

  @Test
  void anUnknownToxicIs404() throws IOException {
    Proxy proxy = create("no_toxic");

    assertThatThrownBy(() -> proxy.toxics().get("missing"))
        .isInstanceOf(IOException.class)
        .hasMessage("[404] toxic not found");
    assertError(
        api.call("DELETE", "/proxies/compat_no_toxic/toxics/missing", null),
        404,
        "toxic not found");
    assertError(
        api.call("POST", "/proxies/compat_no_toxic/toxics/missing", "{\"toxicity\":0.5}"),
        404,
        "toxic not found");
    assertError(api.call("GET", "/proxies/compat_missing/toxics", null), 404, "proxy not found");
  }

  @Test
  void anUnknownToxicTypeIs400() {
    create201("bad_type");

    assertError(
        api.call("POST", "/proxies/compat_bad_type/toxics", "{\"type\":\"teleport\"}"),
        400,
        "invalid toxic type");
  }

  @Test
  void anUnknownStreamIs400() {
    create201("bad_stream");

    assertError(
        api.call(
            "POST",
            "/proxies/compat_bad_stream/toxics",
            "{\"type\":\"latency\",\"stream\":\"sideways\"}"),
        400,
        "stream was invalid, can be either upstream or downstream");
  }

  @Test
  void aProxyWithoutNameOrUpstreamIs400() {
    assertError(
        api.call("POST", "/proxies", "{\"upstream\":\"" + UPSTREAM + "\"}"),
        400,
        "missing required field: name");
    assertError(
        api.call("POST", "/proxies", "{\"name\":\"compat_x\"}"),
        400,
        "missing required field: upstream");
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    Api.Answer answer = api.call("POST", "/proxies", "{\"name\":");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("error").asText()).startsWith("bad request body");
  }

  @Test
  void aListenAddressThatIsNoAddressIsRefused() {
    Api.Answer answer =
        api.call(
            "POST",
            "/proxies",
            "{\"name\":\"compat_bad_listen\",\"listen\":\"nowhere\",\"upstream\":\""
                + UPSTREAM
                + "\"}");

    assertThat(answer.status())
        .as("400 once Toxiproxy validates addresses, 500 from the failed listen before")
        .isIn(400, 500);
    assertThat(answer.body().get("status").asInt()).isEqualTo(answer.status());
    assertThat(client.getProxyOrNull("compat_bad_listen")).isNull();
  }

  @Test
  void populateCreatesReplacesAndKeepsProxies() throws IOException {
    Proxy kept = create("kept");
    kept.toxics().latency("stays", ToxicDirection.DOWNSTREAM, 5);
    Proxy replaced = create("replaced");

    Api.Answer answer =
        api.call(
            "POST",
            "/populate",
            "["
                + "{\"name\":\"compat_kept\",\"listen\":\""
                + kept.getListen()
                + "\",\"upstream\":\""
                + UPSTREAM
                + "\"},"
                + "{\"name\":\"compat_replaced\",\"listen\":\""
                + replaced.getListen()
                + "\",\"upstream\":\"127.0.0.1:11\"},"
                + "{\"name\":\"compat_new\",\"listen\":\""
                + ANY_PORT
                + "\",\"upstream\":\""
                + UPSTREAM
                + "\"}]");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.body().get("proxies"))
        .map(p -> p.get("name").asText())
        .containsExactly("compat_kept", "compat_replaced", "compat_new");
    assertThat(client.getProxy("compat_kept").toxics().getAll())
        .as("an unchanged proxy keeps its toxics")
        .hasSize(1);
    assertThat(client.getProxy("compat_replaced").getUpstream()).isEqualTo("127.0.0.1:11");
    assertThat(client.getProxy("compat_new").isEnabled()).isTrue();
  }

  @Test
  void populateWithAProxyMissingAFieldIs400AndCreatesNothing() throws IOException {
    Api.Answer answer =
        api.call(
            "POST",
            "/populate",
            "[{\"name\":\"compat_first\",\"upstream\":\""
                + UPSTREAM
                + "\"},{\"name\":\"compat_second\"}]");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("error").asText()).startsWith("missing required field: upstream");
    assertThat(client.getProxyOrNull("compat_first")).isNull();
  }

  @Test
  void aProxyShowsItsToxics() throws IOException {
    create("shown").toxics().bandwidth("narrow", ToxicDirection.DOWNSTREAM, 10);

    JsonNode proxy = api.call("GET", "/proxies/compat_shown", null).body();

    assertThat(proxy.get("enabled").asBoolean()).isTrue();
    assertThat(proxy.get("toxics"))
        .singleElement()
        .satisfies(
            toxic -> {
              assertThat(toxic.get("type").asText()).isEqualTo("bandwidth");
              assertThat(toxic.get("attributes").get("rate").asLong()).isEqualTo(10);
            });
  }

  private static void create201(String name) {
    Api.Answer answer =
        api.call(
            "POST",
            "/proxies",
            "{\"name\":\"compat_"
                + name
                + "\",\"listen\":\""
                + ANY_PORT
                + "\",\"upstream\":\""
                + UPSTREAM
                + "\"}");
    assertThat(answer.status()).isEqualTo(201);
  }

  private static void assertRemoved(Proxy proxy, Toxic toxic) throws IOException {
    toxic.remove();
    assertThat(proxy.toxics().getAll()).isEmpty();
  }

  private static void assertError(Api.Answer answer, int status, String message) {
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.body().get("error").asText()).isEqualTo(message);
    assertThat(answer.body().get("status").asInt()).isEqualTo(status);
  }
}
