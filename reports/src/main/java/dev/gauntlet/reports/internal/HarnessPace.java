package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.HarnessCheck;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.ArrivalSchedule;
import dev.gauntlet.scenario.Evaluation;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Checks the harness's pace against the profile's {@link ArrivalSchedule}, following every record: for the arrivals
 * scheduled after the warm-up (or the harness's start-up), the send lag's p99, which sees a harness that sends late,
 * and per 10 s of the schedule the arrivals sent in it (by their send time) against those it planned, which sees one
 * whose throughput falls short (a lag that keeps growing, tasks never sent). A task's raw lag is its start less its
 * scheduled arrival; the schedule's zero is only estimated while the run goes (Gatling does not say when its injector
 * started, and it never starts a user early), so lags are taken relative to the smallest: the most punctual task is
 * on time. Keeps 16 bytes per task. Not thread-safe.
 */
public final class HarnessPace implements Consumer<TaskRecord> {

  private final ArrivalSchedule schedule;
  private final long judgedFromMs;
  private final long maxLagMs;
  private final double minShare;
  private long[] scheduled = new long[1024];
  private long[] lags = new long[1024];
  private int n;
  private int samples;
  private int late;
  private boolean unscheduled;

  /**
   * A check of {@code schedule}, judged by {@code evaluation}'s thresholds from the end of {@code warmup} or of the
   * harness's start-up ({@link HarnessCheck#startupMs}), whichever is later.
   */
  public HarnessPace(ArrivalSchedule schedule, Duration warmup, Evaluation evaluation) {
    this.schedule = schedule;
    this.judgedFromMs = Math.max(warmup.toMillis(), HarnessCheck.startupMs(schedule.durationMs()));
    this.maxLagMs = evaluation.maxSendLag().toMillis();
    this.minShare = evaluation.minArrivalShare();
  }

  @Override
  public void accept(TaskRecord record) {
    if (record.scheduledMs() == null) {
      unscheduled = true;
      return;
    }
    if (n == lags.length) {
      scheduled = Arrays.copyOf(scheduled, 2 * n);
      lags = Arrays.copyOf(lags, 2 * n);
    }
    scheduled[n] = record.scheduledMs();
    lags[n++] = record.startMs() - record.scheduledMs();
  }

  /**
   * The check; {@code endMs} is when the run ended (0 when unknown): buckets after it are not judged, nor is the
   * achieved rate past it.
   */
  public Result result(long endMs) {
    if (n == 0 || unscheduled || schedule.total() == 0) {
      return new Result(HarnessCheck.skipped(), null);
    }
    long minLag = Long.MAX_VALUE;
    long firstScheduled = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      minLag = Math.min(minLag, lags[i]);
      firstScheduled = Math.min(firstScheduled, scheduled[i]);
    }
    // The schedule's zero, corrected by the smallest lag: every offset and lag below is taken from
    // it.
    long zero = firstScheduled + minLag - schedule.offsetMs(0);
    long[] judged = new long[n];
    int m = 0;
    late = 0;
    for (int i = 0; i < n; i++) {
      if (scheduled[i] + minLag - zero >= judgedFromMs) {
        judged[m] = lags[i] - minLag;
        late += judged[m++] > maxLagMs ? 1 : 0;
      }
    }
    if (m == 0) {
      return new Result(HarnessCheck.skipped(), null);
    }
    Arrays.sort(judged, 0, m);
    long p50 = judged[rank(50, m)];
    long p99 = judged[rank(99, m)];
    long max = judged[m - 1];
    long profileEnd = schedule.offsetMs(schedule.total() - 1) + 1;
    long end = endMs > zero ? Math.min(profileEnd, endMs - zero) : profileEnd;
    int buckets =
        (int)
            Math.max(0, (end - judgedFromMs + HarnessCheck.BUCKET_MS - 1) / HarnessCheck.BUCKET_MS);
    long[] sent = new long[buckets];
    long sentByEnd = 0;
    for (int i = 0; i < n; i++) {
      long offset = scheduled[i] + minLag - zero;
      long lag = lags[i] - minLag;
      if (offset < judgedFromMs) {
        continue;
      }
      if (offset + lag >= end + maxLagMs) {
        continue; // sent after the schedule ended, later than the lag allowed: neither in a bucket
        // nor by the end
      }
      sentByEnd++;
      if (buckets > 0) {
        sent[
            (int)
                Math.min(
                    buckets - 1,
                    Math.floorDiv(offset + lag - judgedFromMs, HarnessCheck.BUCKET_MS))]++;
      }
    }
    samples = m;
    return judged(p50, p99, max, sent, end, sentByEnd, zero);
  }

  private Result judged(
      long p50, long p99, long max, long[] sent, long end, long sentByEnd, long zero) {
    Double worst = null;
    long worstStart = 0;
    long worstPlanned = 0;
    long worstOnTime = 0;
    int checked = 0;
    for (int b = 0; b < sent.length; b++) {
      long from = judgedFromMs + b * HarnessCheck.BUCKET_MS;
      long planned =
          schedule.plannedBefore(Math.min(end, from + HarnessCheck.BUCKET_MS))
              - schedule.plannedBefore(from);
      if (planned == 0) {
        continue;
      }
      checked++;
      double share = Math.min(1.0, (double) sent[b] / planned);
      if (worst == null || share < worst) {
        worst = share;
        worstStart = from / 1000;
        worstPlanned = planned;
        worstOnTime = Math.min(sent[b], planned);
      }
    }
    String why = null;
    if (p99 > maxLagMs && late >= HarnessCheck.MIN_LATE) {
      why = "the harness sent late: send lag p99 " + p99 + " ms over " + maxLagMs + " ms";
    } else if (worst != null
        && worst < minShare
        && worstPlanned - worstOnTime >= HarnessCheck.MIN_LATE) {
      why =
          String.format(
              Locale.ROOT,
              "the harness fell behind: the 10 s from %d s sent %d of %d planned "
                  + "arrivals (%.1f%%, under %s%%)",
              worstStart,
              worstOnTime,
              worstPlanned,
              100 * worst,
              Format.number(100 * minShare, 1));
    }
    String message =
        why == null
            ? null
            : why
                + "; the load generator, not the agent, was the bottleneck — lower the rate or give Gauntlet more CPU";
    long planned = schedule.plannedBefore(end) - schedule.plannedBefore(judgedFromMs);
    Double achieved = planned <= 0 ? null : (double) sentByEnd / planned;
    return new Result(
        new HarnessCheck(
            true,
            p50,
            p99,
            max,
            samples,
            maxLagMs,
            minShare,
            checked,
            worst,
            worstStart,
            worstPlanned,
            worstOnTime,
            why != null,
            message,
            zero),
        achieved);
  }

  private static int rank(double percentile, int count) {
    return (int) Math.min(count - 1, Math.max(0, Math.ceil(percentile / 100 * count) - 1));
  }

  /**
   * @param check        the harness's pace
   * @param achievedRate tasks sent by the end of the (judged) schedule over those it planned; null when unchecked
   */
  public record Result(HarnessCheck check, Double achievedRate) {}
}
