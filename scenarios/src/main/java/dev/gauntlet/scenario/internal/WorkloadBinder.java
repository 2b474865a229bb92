package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Stage;
import dev.gauntlet.scenario.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Node;

/** Binds {@code workload:} and its open-model profile. */
final class WorkloadBinder {

  private static final double MAX_RATE = 1_000_000;

  /** pass^k tracks each item's trials in one 64-bit mask. */
  private static final int MAX_TRIALS = 64;

  private WorkloadBinder() {}

  static Workload bind(YamlMap map) {
    if (map == null) {
      return null;
    }
    String protocol =
        map.oneOf(
            "protocol",
            false,
            Arrays.stream(Workload.Protocol.values()).map(Workload.Protocol::label).toList());
    Duration timeout = map.duration("task_timeout", false);
    Duration poll = positive(map, "poll_interval");
    boolean protocolUnreadable = protocol == null && map.has("protocol"); // reported already
    if (poll != null && !"async".equals(protocol) && !protocolUnreadable) {
      map.problems()
          .add(
              map.value("poll_interval", false),
              map.child("poll_interval"),
              "must only be set with protocol: async, but protocol was "
                  + (protocol == null ? "sync" : protocol));
    }
    Double trials = map.has("trials") ? map.number("trials", true, 1, MAX_TRIALS) : null;
    if (trials != null && trials != Math.rint(trials)) {
      map.problems()
          .add(
              map.value("trials", false),
              map.child("trials"),
              "must be a whole number in [1, " + MAX_TRIALS + "], but was " + trials);
    }
    List<Node> stages = map.list("profile", true);
    List<Stage> profile = new ArrayList<>();
    if (stages != null) {
      if (stages.isEmpty()) {
        map.problems()
            .add(
                map.value("profile", false),
                map.child("profile"),
                "must list at least one stage, but was empty");
      }
      for (int i = 0; i < stages.size(); i++) {
        Stage stage =
            stage(YamlMap.of(stages.get(i), map.child("profile") + "[" + i + "]", map.problems()));
        if (stage != null) {
          profile.add(stage);
        }
      }
    }
    Duration warmup = map.duration("warmup", false);
    Duration length = profile.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    if (warmup != null
        && profile.size() == (stages == null ? -1 : stages.size())
        && warmup.compareTo(length) >= 0) {
      map.problems()
          .add(
              map.value("warmup", false),
              map.child("warmup"),
              "must be shorter than the profile ("
                  + Values.format(length)
                  + "), but was "
                  + Values.format(warmup));
    }
    map.rejectUnknown();
    return new Workload(
        protocol == null
            ? Workload.Protocol.SYNC
            : Workload.Protocol.valueOf(protocol.toUpperCase(Locale.ROOT)),
        profile,
        timeout == null ? Duration.ofSeconds(30) : timeout,
        trials == null || trials != Math.rint(trials) ? 1 : trials.intValue(),
        poll == null ? Workload.DEFAULT_POLL_INTERVAL : poll,
        warmup);
  }

  private static Duration positive(YamlMap map, String key) {
    Duration value = map.duration(key, false);
    if (value != null && value.isZero()) {
      map.problems()
          .add(map.value(key, false), map.child(key), "must be longer than 0s, but was 0s");
      return null;
    }
    return value;
  }

  private static Stage stage(YamlMap entry) {
    boolean constant = entry.has("constant");
    boolean ramp = entry.has("ramp");
    if (constant == ramp) {
      entry
          .problems()
          .add(
              entry.node(),
              entry.path(),
              "must have exactly one of constant, ramp, but had "
                  + (constant ? "both" : "neither"));
      entry.rejectUnknown();
      return null;
    }
    YamlMap body = entry.map(constant ? "constant" : "ramp", true);
    entry.rejectUnknown();
    Double from = rate(body, constant ? "rate" : "from");
    Double to = constant ? from : rate(body, "to");
    Duration duration = body.duration("duration", true);
    body.rejectUnknown();
    if (duration != null && duration.isZero()) {
      body.problems()
          .add(
              body.value("duration", false),
              body.child("duration"),
              "must be longer than 0s, but was 0s");
      return null;
    }
    return from == null || to == null || duration == null ? null : new Stage(from, to, duration);
  }

  private static Double rate(YamlMap body, String key) {
    String text = body.string(key, true);
    if (text == null) {
      return null;
    }
    Double perMinute = Values.perMinute(text);
    if (perMinute == null || perMinute > MAX_RATE) {
      body.problems()
          .add(
              body.value(key, false),
              body.child(key),
              "must be a rate such as 5000/min or 80/s (at most 1000000/min), but was '"
                  + text
                  + "'");
      return null;
    }
    return perMinute;
  }
}
