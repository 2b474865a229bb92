package dev.gauntlet.faults.internal.passthrough;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * A folder of recorded exchanges, one JSON file per request key ({@code <key>.json}; see {@link RequestKey}). Every
 * exchange is redacted before it is written, and written to a temporary file then moved, so a reader never sees
 * half a fixture. A request recorded twice keeps its latest answer. Thread-safe.
 *
 * <p>File format ({@code "version": 1}): {@code key}, {@code request} ({@code method}, {@code path},
 * {@code headers}, {@code body}: JSON when the request was JSON, else {@code body_text}), {@code response}
 * ({@code status}, {@code headers}, and {@code body} for JSON or {@code body_text} for anything else, server-sent
 * events included).
 */
public final class FixtureStore {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  public FixtureStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Writes {@code exchange}, redacted, under {@code key}; returns the file written. */
  public Path write(String key, UpstreamExchange exchange) {
    UpstreamExchange safe = exchange.redacted();
    ObjectNode root = MAPPER.createObjectNode().put("version", 1).put("key", key);
    ObjectNode request =
        root.putObject("request").put("method", safe.method()).put("path", safe.path());
    request.set("headers", MAPPER.valueToTree(safe.requestHeaders()));
    putBody(request, safe.requestBody(), true);
    ObjectNode response = root.putObject("response").put("status", safe.status());
    response.set("headers", MAPPER.valueToTree(safe.responseHeaders()));
    putBody(response, safe.responseBody(), !safe.streamed());
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(key + ".json");
      Path tmp = Files.createTempFile(dir, key, ".tmp");
      Files.writeString(
          tmp, Redactor.text(MAPPER.writeValueAsString(root)), StandardCharsets.UTF_8);
      return Files.move(
          tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write fixture " + key + " to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The exchange recorded under {@code key}, or empty when none is. */
  public Optional<UpstreamExchange> find(String key) {
    Path file = dir.resolve(key + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode root = MAPPER.readTree(file.toFile());
      JsonNode request = root.path("request");
      JsonNode response = root.path("response");
      return Optional.of(
          new UpstreamExchange(
              request.path("method").asText(),
              request.path("path").asText(),
              headers(request),
              body(request),
              response.path("status").asInt(),
              headers(response),
              body(response)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read fixture " + file + ": " + e.getMessage(), e);
    }
  }

  /** JSON bodies are kept as JSON so that fixtures can be read and edited; anything else as text. */
  private static void putBody(ObjectNode node, String body, boolean tryJson) {
    if (body == null || body.isEmpty()) {
      return;
    }
    if (tryJson) {
      try {
        node.set("body", MAPPER.readTree(body));
        return;
      } catch (IOException notJson) {
        // kept as text below
      }
    }
    node.put("body_text", body);
  }

  private static String body(JsonNode node) throws IOException {
    if (node.has("body_text")) {
      return node.get("body_text").asText();
    }
    return node.has("body") ? new ObjectMapper().writeValueAsString(node.get("body")) : "";
  }

  private static Map<String, String> headers(JsonNode node) {
    return node.has("headers")
        ? MAPPER.convertValue(node.get("headers"), new TypeReference<Map<String, String>>() {})
        : Map.of();
  }
}
