package dev.gauntlet.faults.internal.passthrough;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.OpenAiErrors;
import dev.gauntlet.faults.internal.anthropic.AnthropicErrors;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the answers of providers in {@code passthrough} and {@code replay} mode come from: the provider's upstream
 * (each exchange recorded when the provider says where), or the exchanges recorded before. A failure to get one is
 * an error answer in the provider's format that says what was tried. Thread-safe.
 */
final class UpstreamExchanges {

  private final Map<String, Upstream> upstreams = new HashMap<>();
  private final Map<String, FixtureStore> stores = new HashMap<>();

  /**
   * @throws IllegalStateException when a provider's {@code api_key_env} names a variable {@code env} has no value for
   */
  UpstreamExchanges(Scenario scenario, Function<String, String> env) {
    for (Provider p : scenario.providers()) {
      if (p.mode() == Provider.Mode.PASSTHROUGH) {
        upstreams.put(p.name(), new Upstream(p, key(p, env)));
      }
      Optional.ofNullable(p.mode() == Provider.Mode.REPLAY ? p.fixtures() : p.record())
          .ifPresent(dir -> stores.put(p.name(), new FixtureStore(dir)));
    }
  }

  private static String key(Provider p, Function<String, String> env) {
    if (p.apiKeyEnv() == null) {
      return null;
    }
    String key = env.apply(p.apiKeyEnv());
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          "provider "
              + p.name()
              + " forwards to "
              + p.upstream()
              + " with the key in "
              + "environment variable "
              + p.apiKeyEnv()
              + ", but it is not set; export "
              + p.apiKeyEnv()
              + " before the run, or drop api_key_env to forward the agent's own credentials");
    }
    return key;
  }

  /** An exchange from the upstream or the fixtures, or the error answer that stands for it. */
  record Outcome(UpstreamExchange exchange, HttpAnswer error) {
    <T> T fold(Function<UpstreamExchange, T> ok, Function<HttpAnswer, T> failed) {
      return exchange != null ? ok.apply(exchange) : failed.apply(error);
    }
  }

  /** {@code method path} with {@code headers} and {@code body}, answered; it may block while the upstream answers. */
  Outcome exchange(
      Provider provider,
      String method,
      String path,
      Map<String, String> headers,
      String body,
      String requestId) {
    String key = RequestKey.of(method, path, body);
    FixtureStore store = stores.get(provider.name());
    if (provider.mode() == Provider.Mode.REPLAY) {
      return store
          .find(key)
          .map(ex -> new Outcome(ex, null))
          .orElseGet(
              () ->
                  new Outcome(
                      null,
                      error(
                          provider,
                          404,
                          "no recorded exchange for "
                              + method
                              + " "
                              + path
                              + " (request key "
                              + key
                              + ") in "
                              + store.dir()
                              + "; record it with mode: passthrough and record: <that folder>, or check that the request is the "
                              + "same as when it was recorded",
                          "fixture_not_found",
                          requestId)));
    }
    try {
      UpstreamExchange ex = upstreams.get(provider.name()).forward(method, path, headers, body);
      if (store != null) {
        store.write(key, ex);
      }
      return new Outcome(ex, null);
    } catch (IOException e) {
      return new Outcome(
          null,
          error(
              provider,
              502,
              "could not reach the upstream of provider "
                  + provider.name()
                  + " at "
                  + provider.upstream()
                  + path
                  + " ("
                  + e
                  + "); is it running? check providers' upstream",
              "upstream_unreachable",
              requestId));
    } catch (UncheckedIOException e) {
      return new Outcome(
          null, error(provider, 500, e.getMessage(), "fixture_not_written", requestId));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(
          null, error(provider, 503, "interrupted while forwarding", null, requestId));
    }
  }

  private static HttpAnswer error(
      Provider provider, int status, String message, String code, String requestId) {
    if (provider.api().equals("anthropic")) {
      return AnthropicErrors.error(status, message, requestId);
    }
    if (status == 404) {
      return OpenAiErrors.notFound(message);
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("error")
        .put("message", message)
        .put("type", "server_error")
        .putNull("param")
        .put("code", code);
    return new HttpAnswer(status, Map.of(), body.toString());
  }
}
