package dev.gauntlet.cli;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.reports.scoring.Scorer;
import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.run.TimelineEvent;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the progress line needs besides the task records: a scorer for answers, and which faults are on, read from
 * the run's timeline.jsonl (a few lines) each time the line is drawn, so manual switches through the admin API show
 * too. Thread-safe (immutable; the timeline is read fresh each call).
 */
final class ProgressSources {

  private final Map<String, Scorer> scorers;
  private final RunDirectory run;

  private ProgressSources(Map<String, Scorer> scorers, RunDirectory run) {
    this.scorers = scorers;
    this.run = run;
  }

  /** Neither scoring nor faults. */
  static ProgressSources none() {
    return new ProgressSources(Map.of(), null);
  }

  /** Scores against {@code dataset} and reads the faults of {@code run}. */
  static ProgressSources of(Dataset dataset, RunDirectory run) {
    return new ProgressSources(dataset.items().stream()
        .collect(Collectors.toUnmodifiableMap(Item::id, item -> Scorer.of(item.expected()))), run);
  }

  /** Whether answers are scored at all. */
  boolean scores() {
    return !scorers.isEmpty();
  }

  /** Whether a successful {@code record}'s answer is right; null when it cannot be scored. */
  Boolean score(TaskRecord record) {
    Scorer scorer = scorers.get(record.itemId());
    return scorer == null ? null : scorer.matches(record.output());
  }

  /** The faults switched on and not yet off, in the order they were switched on. */
  List<String> activeFaults() {
    if (run == null) {
      return List.of();
    }
    List<TimelineEvent> events;
    try {
      events = new ArrayList<>(JsonLines.readAll(run.timeline(), TimelineEvent.class));
    } catch (UncheckedIOException | IllegalArgumentException unreadable) {
      return List.of(); // being appended to right now; the next tick reads it whole
    }
    events.sort(Comparator.comparingLong(TimelineEvent::tsMs));
    Set<String> on = new LinkedHashSet<>();
    for (TimelineEvent event : events) {
      if (TimelineEvent.ON.equals(event.action())) {
        on.add(event.fault());
      } else {
        on.remove(event.fault());
      }
    }
    return List.copyOf(on);
  }
}
