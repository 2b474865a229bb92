package dev.gauntlet.faults.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.faults.internal.tools.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The key a recorded exchange is filed under: SHA-256 of the method, the path after {@code /v1} and the request
 * body as canonical JSON (keys sorted, secrets redacted, fields that change from run to run without changing the
 * answer left out), first 128 bits in hex. Two requests that differ only in key order, whitespace or
 * {@code stream_options}, {@code user} or {@code metadata} share a key. Stateless.
 */
public final class RequestKey {

  /** Top-level body fields that do not change what the model answers. */
  static final List<String> VOLATILE =
      List.of("stream_options", "user", "metadata", "service_tier", "store");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RequestKey() {}

  /** The key of {@code method path} with {@code body} (JSON, other text, or empty). */
  public static String of(String method, String path, String body) {
    String text = method.toUpperCase(java.util.Locale.ROOT) + "\n" + path + "\n" + canonical(body);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The body's canonical text; a body that is not JSON counts as its redacted self. */
  static String canonical(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode json = MAPPER.readTree(body);
      if (json instanceof ObjectNode object) {
        object.remove(VOLATILE);
      }
      return Redactor.text(CanonicalJson.of(json));
    } catch (IOException e) {
      return Redactor.text(body);
    }
  }
}
