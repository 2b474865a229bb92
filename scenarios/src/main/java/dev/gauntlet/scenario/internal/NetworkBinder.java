package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.Network;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Binds {@code network:} (proxies and the Toxiproxy behind them) and the attributes of a {@code network} fault. */
final class NetworkBinder {

  private static final Pattern HOST_PORT =
      Pattern.compile("[A-Za-z0-9.\\-]+:\\d{1,5}|\\[[0-9a-fA-F:]+]:\\d{1,5}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private NetworkBinder() {}

  static Network bind(YamlMap map) {
    if (map == null) {
      return Network.none();
    }
    String toxiproxy = map.string("toxiproxy", false);
    Long apiPort = map.integer("api_port", false, 0, 65535);
    List<Node> nodes = map.list("proxies", true);
    List<Network.Proxy> proxies = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; nodes != null && i < nodes.size(); i++) {
      YamlMap proxy =
          YamlMap.of(nodes.get(i), map.child("proxies") + "[" + i + "]", map.problems());
      Network.Proxy bound = proxy(proxy);
      if (bound != null && !names.add(bound.name())) {
        map.problems()
            .add(
                nodes.get(i),
                proxy.child("name"),
                "must be unique, but '" + bound.name() + "' is used twice");
      } else if (bound != null) {
        proxies.add(bound);
      }
    }
    map.rejectUnknown();
    return new Network(
        toxiproxy == null || toxiproxy.trim().equals("embedded") ? null : url(map, toxiproxy),
        apiPort == null ? 0 : apiPort.intValue(),
        proxies);
  }

  private static Network.Proxy proxy(YamlMap map) {
    String name = map.string("name", true);
    String upstream = map.string("upstream", true);
    Long listen = map.integer("listen_port", false, 0, 65535);
    map.rejectUnknown();
    if (name != null && !NAME.matcher(name).matches()) {
      map.problems()
          .add(
              map.value("name", false),
              map.child("name"),
              "must be letters, digits, '_', '.' or '-', but was '" + name + "'");
      return null;
    }
    if (upstream != null
        && !upstream.equals(Network.MANAGED_REDIS)
        && !HOST_PORT.matcher(upstream).matches()) {
      map.problems()
          .add(
              map.value("upstream", false),
              map.child("upstream"),
              "must be host:port (such as 127.0.0.1:6379) or '"
                  + Network.MANAGED_REDIS
                  + "' for the Redis Gauntlet starts, but was '"
                  + upstream
                  + "'");
      return null;
    }
    return name == null || upstream == null
        ? null
        : new Network.Proxy(name, upstream, listen == null ? 0 : listen.intValue());
  }

  private static URI url(YamlMap map, String text) {
    try {
      URI uri = URI.create(text.trim());
      if ("http".equals(uri.getScheme()) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    map.problems()
        .add(
            map.value("toxiproxy", false),
            map.child("toxiproxy"),
            "must be 'embedded' or the URL of a Toxiproxy API such as http://127.0.0.1:8474, but was '"
                + text
                + "'");
    return null;
  }

  /** The attributes of a {@code kind: network} fault, read from the fault's own mapping. */
  static Fault fault(YamlMap map) {
    String proxy = map.string("proxy", true);
    String toxicName = map.oneOf("toxic", true, labels(Fault.Network.Toxic.values()));
    String streamName = map.oneOf("stream", false, List.of("upstream", "downstream"));
    if (toxicName == null) {
      return null;
    }
    Fault.Network.Toxic toxic = Fault.Network.Toxic.valueOf(toxicName.toUpperCase(Locale.ROOT));
    Map<String, Long> attributes = new LinkedHashMap<>();
    switch (toxic) {
      case LATENCY -> {
        millis(map, "latency", true, attributes);
        millis(map, "jitter", false, attributes);
      }
      case BANDWIDTH -> count(map, "rate", true, attributes);
      case SLOW_CLOSE -> millis(map, "delay", true, attributes);
      case TIMEOUT -> millis(map, "timeout", true, attributes);
      case RESET_PEER -> millis(map, "timeout", false, attributes);
      case SLICER -> {
        count(map, "average_size", true, attributes);
        count(map, "size_variation", false, attributes);
        Duration delay = map.duration("delay", false);
        if (delay != null) {
          attributes.put("delay", delay.toNanos() / 1_000);
        }
      }
      case LIMIT_DATA -> count(map, "bytes", true, attributes);
      case DOWN -> {}
    }
    if (toxic == Fault.Network.Toxic.DOWN && streamName != null) {
      map.problems()
          .add(
              map.value("stream", false),
              map.child("stream"),
              "must be absent for toxic down, which switches the whole proxy off, but was "
                  + streamName);
    }
    Long average = attributes.get("average_size");
    Long variation = attributes.get("size_variation");
    if (average != null && variation != null && variation >= average) {
      map.problems()
          .add(
              map.value("size_variation", false),
              map.child("size_variation"),
              "must be less than average_size (" + average + "), but was " + variation);
    }
    return proxy == null
        ? null
        : new Fault.Network(
            proxy,
            toxic,
            streamName == null
                ? Fault.Network.Stream.DOWNSTREAM
                : Fault.Network.Stream.valueOf(streamName.toUpperCase(Locale.ROOT)),
            attributes);
  }

  private static void millis(YamlMap map, String key, boolean required, Map<String, Long> into) {
    Duration d = map.duration(key, required);
    if (d != null) {
      into.put(key, d.toMillis());
    }
  }

  private static void count(YamlMap map, String key, boolean required, Map<String, Long> into) {
    Long n = map.integer(key, required, 0, Integer.MAX_VALUE);
    if (n != null) {
      into.put(key, n);
    }
  }

  private static List<String> labels(Fault.Network.Toxic[] toxics) {
    return Arrays.stream(toxics).map(Fault.Network.Toxic::label).toList();
  }
}
