package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Recovery, failover and detection on synthetic agents whose recovery is known by construction: an outage from 10 s
 * to 15 s, tasks arriving at random (Poisson) at a given rate, and an agent that fails every task it starts until
 * {@code D} seconds after the outage ended.
 */
class StartRecoveryTest {

  private static final long FAULT_START = 1_000_010_000L;
  private static final long FAULT_END = FAULT_START + 5_000;
  private static final FaultWindow WINDOW =
      new FaultWindow("primary-503", "outage", FAULT_START, FAULT_END);
  private static final Recovery.Bounds SLO = new Recovery.Bounds(0.95, null);

  /** A run: steady from 0 to 10 s, the outage, then 25 s; the agent's own failure share and its lingering delay. */
  private static TaskStarts run(
      long seed, double perSecond, double backgroundFailures, long stuckMs, long failoverMs) {
    SplittableRandom random = new SplittableRandom(seed);
    TaskStarts tasks = new TaskStarts();
    double t = FAULT_START - 10_000;
    while (t < FAULT_END + 25_000) {
      long start = (long) t;
      long latency = 20 + random.nextInt(40);
      boolean duringFault = start >= FAULT_START && start < FAULT_END;
      boolean failedOver = duringFault && start >= FAULT_START + failoverMs;
      boolean stuck = start >= FAULT_END && start < FAULT_END + stuckMs;
      boolean ok =
          (!duringFault || failedOver) && !stuck && random.nextDouble() >= backgroundFailures;
      tasks.add(start, failedOver ? latency + 200 : latency, ok);
      t += -Math.log(1 - random.nextDouble()) * 1000 / perSecond;
    }
    return tasks;
  }

  private static RecoveryResult recovery(TaskStarts tasks) {
    SteadyState steady = SteadyState.before(tasks, List.of(WINDOW), WINDOW);
    long resolution = StartRecovery.resolutionMs(steady.startsPerSecond());
    long dataEnd = 0;
    for (int i = 0; i < tasks.size(); i++) {
      dataEnd = Math.max(dataEnd, tasks.endMs(i));
    }
    return StartRecovery.measure(
        tasks, i -> true, steady.rule(SLO), resolution, FAULT_END, dataEnd);
  }

  private static long resolution(TaskStarts tasks) {
    return StartRecovery.resolutionMs(
        SteadyState.before(tasks, List.of(WINDOW), WINDOW).startsPerSecond());
  }

  private static RecoveryResult failover(TaskStarts tasks) {
    SteadyState steady = SteadyState.before(tasks, List.of(WINDOW), WINDOW);
    return StartRecovery.measure(
        tasks,
        i -> !tasks.succeeded(i) || tasks.endMs(i) <= FAULT_END,
        steady.rule(SLO),
        resolution(tasks),
        FAULT_START,
        FAULT_END);
  }

  @Property(tries = 200)
  void anAgentThatAnswersEveryTaskStartedAfterTheFaultRecoversWithinOneBucketOfZero(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 5, max = 100) double rate) {
    TaskStarts tasks = run(seed, rate, 0, 0, 5_000);

    RecoveryResult result = recovery(tasks);

    assertThat(result.state()).isEqualTo(RecoveryResult.State.RECOVERED);
    assertThat(result.seconds()).isLessThanOrEqualTo(resolution(tasks) / 1000.0);
  }

  @Property(tries = 200)
  void anAgentStuckForDSecondsAfterTheFaultRecoversWithinOneBucketOfD(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @DoubleRange(min = 5, max = 100) double rate,
      @ForAll @IntRange(min = 1, max = 12) int stuckSeconds) {
    TaskStarts tasks = run(seed, rate, 0, stuckSeconds * 1_000L, 5_000);

    RecoveryResult result = recovery(tasks);

    assertThat(result.state()).isEqualTo(RecoveryResult.State.RECOVERED);
    assertThat(result.seconds()).isCloseTo(stuckSeconds, within(resolution(tasks) / 1000.0));
  }

  @Test
  void knownDelaysOfThreeAndTenSecondsAreMeasuredAtOneSecondResolutionAtTenTasksASecond() {
    for (long d : new long[] {0, 3, 10}) {
      TaskStarts tasks = run(42 + d, 10, 0.01, d * 1_000, 5_000);

      assertThat(resolution(tasks)).isEqualTo(1_000);
      assertThat(recovery(tasks).seconds()).as("D = %d s", d).isCloseTo(d, within(1.0));
    }
  }

  @Test
  void aHealthyAgentWithItsOwnFailuresGetsZeroInAtLeast98OfHundredRuns() {
    int falseAlarms = 0;
    for (long seed = 0; seed < 100; seed++) {
      // 3% of its tasks fail before, during and after: the fault changes nothing.
      TaskStarts tasks = run(seed, 10, 0.03, 0, 0);
      falseAlarms += recovery(tasks).seconds() > 0 ? 1 : 0;
    }
    assertThat(falseAlarms).isLessThanOrEqualTo(2);
  }

  @Test
  void tasksStartedBeforeTheFaultEndedDoNotCountTowardsRecovery() {
    TaskStarts tasks = run(7, 10, 0, 0, 5_000);
    // Slow tasks started in the outage's last second that failed long after it ended.
    for (int i = 0; i < 20; i++) {
      tasks.add(FAULT_END - 1_000 + i * 50L, 8_000, false);
    }

    assertThat(recovery(tasks)).isEqualTo(RecoveryResult.recovered(0));
  }

  @Test
  void anAgentStillFailingWhenTheDataEndsHasNotRecovered() {
    TaskStarts tasks = run(3, 10, 0, 60_000, 5_000);

    RecoveryResult result = recovery(tasks);

    assertThat(result.state()).isEqualTo(RecoveryResult.State.NOT_RECOVERED);
    assertThat(result.seconds()).isGreaterThan(24);
  }

  @Test
  void failoverIsTheTimeUntilTasksStartedDuringTheFaultAreHealthyAgain() {
    assertThat(failover(run(5, 20, 0, 0, 2_000)).seconds()).isCloseTo(2.0, within(0.5));
    assertThat(failover(run(5, 20, 0, 0, 0)))
        .as("failed over at once")
        .isEqualTo(RecoveryResult.recovered(0));
    assertThat(failover(run(5, 20, 0, 0, 5_000)))
        .as("never failed over")
        .isEqualTo(RecoveryResult.notRecovered(5.0));
  }

  @Test
  void noTaskAfterTheFaultIsNoData() {
    TaskStarts tasks = new TaskStarts();
    tasks.add(FAULT_START - 1_000, 20, true);

    assertThat(
            StartRecovery.measure(
                tasks, i -> true, new HealthRule(null, 0.05), 1_000, FAULT_END, FAULT_END + 10_000))
        .isEqualTo(RecoveryResult.noData());
  }

  @Test
  void theResolutionIsTheFinestThatExpectsEightTasksABucket() {
    assertThat(StartRecovery.resolutionMs(83)).isEqualTo(250);
    assertThat(StartRecovery.resolutionMs(10)).isEqualTo(1_000);
    assertThat(StartRecovery.resolutionMs(2)).isEqualTo(5_000);
    assertThat(StartRecovery.resolutionMs(0)).isEqualTo(1_000);
  }
}
