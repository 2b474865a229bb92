package dev.gauntlet.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.HarnessCheck;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.ArrivalSchedule;
import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Stage;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** What the harness-pace check must hold for any lags: it cannot see the clock's zero, only lateness. */
class HarnessPacePropertyTest {

  private static final List<Stage> PROFILE = List.of(Stage.constant(1200, Duration.ofSeconds(30)));
  private static final long ZERO = 1_700_000_000_000L;

  @Property(tries = 200)
  void aHarnessNeverLaterThanTheThresholdKeptUp(
      @ForAll long seed, @ForAll @LongRange(min = -5_000, max = 5_000) long clockError) {
    java.util.Random random = new java.util.Random(seed);
    HarnessCheck check = check(n -> random.nextInt(11), clockError);

    assertThat(check.fellBehind()).as(check.summary()).isFalse();
    assertThat(check.sendLagMaxMs()).isLessThanOrEqualTo(10);
  }

  @Property(tries = 200)
  void aConstantClockErrorChangesNothing(
      @ForAll long seed, @ForAll @LongRange(min = -5_000, max = 5_000) long clockError) {
    HarnessCheck exact = check(n -> (int) Math.floorMod(seed * (n + 1), 97), 0);
    HarnessCheck shifted = check(n -> (int) Math.floorMod(seed * (n + 1), 97), clockError);

    assertThat(List.of(shifted.sendLagP50Ms(), shifted.sendLagP99Ms(), shifted.sendLagMaxMs()))
        .isEqualTo(List.of(exact.sendLagP50Ms(), exact.sendLagP99Ms(), exact.sendLagMaxMs()));
    assertThat(shifted.fellBehind()).isEqualTo(exact.fellBehind());
  }

  @Property(tries = 200)
  void moreThanOnePercentLateMakesTheHarnessBehind(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 50) int percentLate) {
    java.util.Random random = new java.util.Random(seed);
    int[] lags = new int[(int) ArrivalSchedule.of(PROFILE).total()];
    for (int n = 1; n < lags.length; n++) { // arrival 0 on time, so the estimated zero is exact
      lags[n] = random.nextInt(100) < percentLate ? 11 + random.nextInt(50) : random.nextInt(11);
    }
    HarnessCheck check = check(n -> lags[n], 0);

    long judged = 0;
    long late = 0;
    for (int n = 0; n < lags.length; n++) {
      if (ArrivalSchedule.of(PROFILE).offsetMs(n)
          >= HarnessCheck.startupMs(ArrivalSchedule.of(PROFILE).durationMs())) {
        judged++;
        late += lags[n] > 10 ? 1 : 0;
      }
    }
    boolean behind = late * 100 > judged && late >= HarnessCheck.MIN_LATE;
    assertThat(check.fellBehind()).as("%d of %d late", late, judged).isEqualTo(behind);
    if (behind) {
      assertThat(check.message()).startsWith("the harness sent late: send lag p99 ");
    }
  }

  /** Every arrival of {@link #PROFILE} sent {@code lag(n)} ms late, recorded by a clock {@code clockError} ms off. */
  private static HarnessCheck check(java.util.function.IntUnaryOperator lag, long clockError) {
    ArrivalSchedule schedule = ArrivalSchedule.of(PROFILE);
    HarnessPace pace = new HarnessPace(schedule, Duration.ZERO, Evaluation.defaults());
    for (int n = 0; n < schedule.total(); n++) {
      long due = ZERO + schedule.offsetMs(n);
      pace.accept(
          new TaskRecord(
              "t" + n,
              "i",
              0,
              due + lag.applyAsInt(n),
              5,
              200,
              "ok",
              null,
              List.of(),
              null,
              due + clockError));
    }
    return pace.result(ZERO + 31_000).check();
  }
}
