package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.spi.FaultKind;
import dev.gauntlet.scenario.spi.FaultSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fault kinds from outside Gauntlet on the class path ({@link FaultKind}, found once with the service loader),
 * and how one entry of such a kind is bound into a {@link Fault.Custom}. Thread-safe once loaded.
 */
final class CustomKinds {

  private final Map<String, FaultKind> kinds;

  private CustomKinds(Map<String, FaultKind> kinds) {
    this.kinds = kinds;
  }

  /**
   * The kinds on the class path; throws when one takes the name of a built-in kind or of another, which no scenario
   * could then tell apart.
   */
  static CustomKinds load(Set<String> builtIn) {
    Map<String, FaultKind> found = new TreeMap<>();
    for (FaultKind kind : ServiceLoader.load(FaultKind.class)) {
      FaultKind before = found.putIfAbsent(kind.name(), kind);
      if (builtIn.contains(kind.name()) || before != null) {
        throw new IllegalStateException(
            "the fault kind "
                + kind.getClass().getName()
                + " is called '"
                + kind.name()
                + "', which "
                + (before != null
                    ? before.getClass().getName() + " is called too"
                    : "is a built-in kind")
                + "; give it a name of its own");
      }
    }
    return new CustomKinds(found);
  }

  Set<String> names() {
    return kinds.keySet();
  }

  boolean has(String name) {
    return kinds.containsKey(name);
  }

  /** Binds {@code map}'s own keys with the kind called {@code name}; mistakes go to the map's problems. */
  Fault.Custom bind(String name, YamlMap map) {
    Settings settings = new Settings(map);
    kinds.get(name).read(settings);
    return new Fault.Custom(name, settings.read);
  }

  /** A fault entry's keys, read through the same checks as the built-in kinds'. */
  private static final class Settings implements FaultSettings {
    private final YamlMap map;
    private final Map<String, Object> read = new LinkedHashMap<>();

    Settings(YamlMap map) {
      this.map = map;
    }

    private <T> T keep(String key, T value) {
      if (value != null) {
        read.put(key, value);
      }
      return value;
    }

    @Override
    public String string(String key, boolean required) {
      return keep(key, map.string(key, required));
    }

    @Override
    public Long integer(String key, boolean required, long min, long max) {
      return keep(key, map.integer(key, required, min, max));
    }

    @Override
    public Double number(String key, boolean required, double min, double max) {
      return keep(key, map.number(key, required, min, max));
    }

    @Override
    public Duration duration(String key, boolean required) {
      return keep(key, map.duration(key, required));
    }

    @Override
    public void reject(String key, String expected) {
      read.remove(key);
      org.yaml.snakeyaml.nodes.Node value = map.value(key, false);
      map.problems()
          .add(
              value == null ? map.node() : value,
              map.child(key),
              "must be "
                  + expected
                  + (value == null ? ", but is missing" : ", but was " + YamlMap.describe(value)));
    }
  }
}
