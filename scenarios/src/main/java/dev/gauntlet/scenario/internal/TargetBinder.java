package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Target;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Binds {@code target:}. */
final class TargetBinder {

  private TargetBinder() {}

  static Target bind(YamlMap map) {
    if (map == null) {
      return null;
    }
    String kind = map.oneOf("kind", true, List.of("embedded", "url"));
    String mode = map.oneOf("mode", false, List.of("resilient", "naive"));
    URI url = url(map, "url".equals(kind));
    Target.Ready ready = ready(map.map("ready", false));
    String redis = map.oneOf("redis", false, List.of("managed", "none"));
    String cache = map.oneOf("cache", false, List.of("on", "off"));
    map.rejectUnknown();
    if (kind == null) {
      return null;
    }
    if ("url".equals(kind) && (redis != null || cache != null)) {
      map.problems()
          .add(
              map.value(redis != null ? "redis" : "cache", false),
              map.child(redis != null ? "redis" : "cache"),
              "must be absent for kind url: it configures the bundled reference agent, which Gauntlet "
                  + "starts only for kind embedded");
    }
    return new Target(
        Target.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
        mode == null ? "resilient" : mode,
        url,
        ready,
        "managed".equals(redis),
        "on".equals(cache));
  }

  private static URI url(YamlMap map, boolean required) {
    String text = map.string("url", required);
    if (text == null) {
      return null;
    }
    try {
      URI uri = URI.create(text.trim());
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      map.problems()
          .add(
              map.value("url", false),
              map.child("url"),
              "must be an http(s) URL such as http://127.0.0.1:8080, but was '" + text + "'");
      return null;
    }
  }

  private static Target.Ready ready(YamlMap map) {
    if (map == null) {
      return new Target.Ready("/health", Duration.ofSeconds(60));
    }
    String path = map.string("path", false);
    Duration timeout = map.duration("timeout", false);
    map.rejectUnknown();
    return new Target.Ready(
        path == null ? "/health" : path, timeout == null ? Duration.ofSeconds(60) : timeout);
  }
}
