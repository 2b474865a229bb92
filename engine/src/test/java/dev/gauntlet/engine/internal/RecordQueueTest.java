package dev.gauntlet.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.run.JsonLines;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.TaskRecord;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordQueueTest {

  private static TaskRecord task(int n) {
    return new TaskRecord(
        String.format("t-%07d", n), "item-" + n, 0, 1_000L + n, 5, 200, "ok", null, List.of());
  }

  @Test
  void closeWritesEveryRecordAcceptedFromManyThreadsOnceEach(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("records.jsonl");
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (JsonLinesWriter<TaskRecord> writer = JsonLinesWriter.append(file);
        RecordQueue queue = new RecordQueue(writer, r -> seen.add(r.taskId()))) {
      CountDownLatch done = new CountDownLatch(4);
      for (int t = 0; t < 4; t++) {
        int first = t * 5_000;
        threads.submit(
            () -> {
              for (int i = first; i < first + 5_000; i++) {
                queue.accept(task(i));
              }
              done.countDown();
            });
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      threads.shutdownNow();
    }
    List<TaskRecord> written = JsonLines.readAll(file, TaskRecord.class);
    assertThat(written)
        .as("every record, once")
        .hasSize(20_000)
        .extracting(TaskRecord::taskId)
        .doesNotHaveDuplicates();
    assertThat(seen)
        .as("the progress line saw the records in the order they were written")
        .containsExactlyElementsOf(written.stream().map(TaskRecord::taskId).toList());
  }

  @Test
  void recordsOfOneThreadKeepTheirOrder(@TempDir Path dir) {
    Path file = dir.resolve("records.jsonl");
    try (JsonLinesWriter<TaskRecord> writer = JsonLinesWriter.append(file);
        RecordQueue queue = new RecordQueue(writer, r -> {})) {
      for (int i = 0; i < 3_000; i++) {
        queue.accept(task(i));
      }
    }
    assertThat(JsonLines.readAll(file, TaskRecord.class))
        .hasSize(3_000)
        .extracting(TaskRecord::startMs)
        .isSorted();
  }

  @Test
  void aLineReachesTheFileWhileTheRunGoesOn(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("records.jsonl");
    try (JsonLinesWriter<TaskRecord> writer = JsonLinesWriter.append(file);
        RecordQueue queue = new RecordQueue(writer, r -> {})) {
      queue.accept(task(1));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (Files.size(file) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      assertThat(Files.readString(file))
          .as("written before close, so a killed run keeps it")
          .contains("t-0000001");
    }
  }

  @Test
  void aFailedWriteIsThrownByClose(@TempDir Path dir) {
    JsonLinesWriter<TaskRecord> writer = JsonLinesWriter.append(dir.resolve("records.jsonl"));
    writer.close(); // every later write fails, as on a full disk
    RecordQueue queue = new RecordQueue(writer, r -> {});
    queue.accept(task(1));
    assertThatThrownBy(queue::close).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void recordsAfterCloseAreDroppedAndCloseTwiceIsHarmless(@TempDir Path dir) {
    Path file = dir.resolve("records.jsonl");
    try (JsonLinesWriter<TaskRecord> writer = JsonLinesWriter.append(file)) {
      RecordQueue queue = new RecordQueue(writer, r -> {});
      queue.accept(task(1));
      queue.close();
      queue.accept(task(2));
      queue.close();
    }
    assertThat(JsonLines.readAll(file, TaskRecord.class))
        .extracting(TaskRecord::taskId)
        .containsExactly("t-0000001");
  }
}
