package dev.gauntlet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java API as an embedder uses it: one short real run of the catalog's smoke against the reference agent. */
class GauntletTest {

  private static final Path SMOKE =
      Path.of(System.getProperty("gauntlet.home", ".."), "scenarios", "smoke.yaml");

  /** Everything a listener hears, in order for the events on the caller's thread. */
  private static final class Recorder implements RunListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicInteger sent = new AtomicInteger();
    final List<TaskRecord> finished = new CopyOnWriteArrayList<>();
    volatile URI admin;
    volatile RunResult result;

    @Override
    public void started(RunDirectory run, URI adminUrl) {
      events.add("started");
      admin = adminUrl;
    }

    @Override
    public void workloadStarted() {
      events.add("workload");
    }

    @Override
    public void taskSent() {
      sent.incrementAndGet();
    }

    @Override
    public void taskFinished(TaskRecord record) {
      finished.add(record);
    }

    @Override
    public void finished(RunResult value) {
      events.add("finished");
      result = value;
    }
  }

  @Test
  void runsAScenarioAndHandsBackItsVerdictWhileTheListenerHearsEveryTask(@TempDir Path dir)
      throws IOException {
    Recorder listener = new Recorder();
    Path out = dir.resolve("smoke");

    RunResult result =
        Gauntlet.run(
            SMOKE,
            RunOptions.defaults()
                .out(out)
                .listener(listener)
                .set("workload.profile[0].constant.duration=6s", "workload.warmup=1s"));

    assertThat(listener.events).containsExactly("started", "workload", "finished");
    assertThat(listener.result).isSameAs(result);
    assertThat(listener.admin.getHost()).isEqualTo("127.0.0.1");
    assertThat(result.failure()).isNull();
    assertThat(result.directory().root()).isEqualTo(out);
    assertThat(result.verdict()).isNotNull();
    assertThat(result.exitCode()).isEqualTo(result.verdict().exitCode());
    assertThat(Files.readString(out.resolve("verdict.json")))
        .contains("\"exit_code\" : " + result.exitCode());
    long recorded;
    try (var lines = Files.lines(out.resolve("records.jsonl"))) {
      recorded = lines.count();
    }
    assertThat(recorded).as("about 60 tasks at 600/min for 6 s").isBetween(50L, 70L);
    assertThat(listener.finished).hasSize((int) recorded);
    assertThat(listener.sent.get()).isEqualTo((int) recorded);
    assertThat(result.verdict().tasks())
        .as("the warm-up's tasks count in no metric")
        .isLessThan(recorded)
        .isGreaterThan(recorded / 2);
  }

  @Test
  void anInvalidScenarioThrowsWithItsFileAndLineAndStartsNothing(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("never");

    assertThatThrownBy(
            () -> Gauntlet.run(SMOKE, RunOptions.defaults().out(out).set("workload.protocol=grpc")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "workload.protocol: must be one of [sync, async, stream], but was 'grpc'");
    assertThat(out).doesNotExist();
  }

  @Test
  void aRunNeverWritesIntoAnotherRunsDirectory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("records.jsonl"), "{}\n");

    assertThatThrownBy(() -> Gauntlet.run(SMOKE, RunOptions.defaults().out(dir)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("must be a new or empty directory, but it holds records.jsonl");
  }
}
