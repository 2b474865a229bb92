package dev.gauntlet.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * When each arrival of an open-model profile is due, as Gatling's {@code constantUsersPerSec} and
 * {@code rampUsersPerSec} place them: each stage's whole seconds get a number of users (a constant stage
 * {@code round(seconds × rate)} spread evenly over its seconds, a ramp the area of its rate curve second by second,
 * carrying the fractions), and each second's users are spread evenly over its 1,000 milliseconds; a stage starts
 * where the stages before it end. {@code simulations}' tests check it against Gatling's own injection iterator.
 * Immutable and thread-safe.
 */
public final class ArrivalSchedule {

  private static final MathContext DECIMAL = MathContext.DECIMAL128;

  /** Per second slot, the offset of its start from time zero, in milliseconds. */
  private final long[] secondStartMs;

  /** Per second slot, how many users it starts. */
  private final int[] users;

  /** Per second slot, how many users the slots before it start. */
  private final long[] before;

  private final long total;

  private ArrivalSchedule(long[] secondStartMs, int[] users) {
    this.secondStartMs = secondStartMs;
    this.users = users;
    this.before = new long[users.length];
    long sum = 0;
    for (int i = 0; i < users.length; i++) {
      before[i] = sum;
      sum += users[i];
    }
    this.total = sum;
  }

  /** The schedule of {@code profile}, its first stage starting at offset 0. */
  public static ArrivalSchedule of(List<Stage> profile) {
    int seconds = profile.stream().mapToInt(s -> (int) s.duration().toSeconds()).sum();
    long[] starts = new long[seconds];
    int[] users = new int[seconds];
    long stageStart = 0;
    int slot = 0;
    for (Stage stage : profile) {
      int[] perSecond = perSecond(stage);
      for (int s = 0; s < perSecond.length; s++, slot++) {
        starts[slot] = stageStart + s * 1000L;
        users[slot] = perSecond[s];
      }
      stageStart += stage.duration().toMillis();
    }
    return new ArrivalSchedule(starts, users);
  }

  /** How long the profile schedules arrivals for, in milliseconds: the end of its last one-second slot. */
  public long durationMs() {
    return secondStartMs.length == 0 ? 0 : secondStartMs[secondStartMs.length - 1] + 1000;
  }

  /** Arrivals the whole profile schedules. */
  public long total() {
    return total;
  }

  /** The offset from time zero, in milliseconds, of arrival {@code n} (0-based); -1 past the last arrival. */
  public long offsetMs(long n) {
    if (n < 0 || n >= total) {
      return -1;
    }
    int low = 0;
    int high = before.length - 1;
    while (low
        < high) { // the last slot whose users before it are at most n: the one that starts arrival
      // n
      int mid = (low + high + 1) >>> 1;
      if (before[mid] <= n) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    int slot = low;
    return secondStartMs[slot] + millisOf(users[slot], n - before[slot]);
  }

  /** How many arrivals are due at offsets before {@code offsetMs}. */
  public long plannedBefore(long offsetMs) {
    int low = 0;
    int high = secondStartMs.length - 1;
    if (high < 0 || offsetMs <= secondStartMs[0]) {
      return 0;
    }
    while (low < high) { // the last second slot that starts before offsetMs
      int mid = (low + high + 1) >>> 1;
      if (secondStartMs[mid] < offsetMs) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    long into = offsetMs - secondStartMs[low];
    return before[low] + (into >= 1000 ? users[low] : spread(users[low], 1000, (int) into - 1));
  }

  /** The millisecond within its second of the {@code k}-th (0-based) of {@code count} users of that second. */
  private static int millisOf(int count, long k) {
    int low = 0;
    int high = 999;
    while (low < high) { // the first millisecond whose running total passes k
      int mid = (low + high) >>> 1;
      if (spread(count, 1000, mid) > k) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private static int[] perSecond(Stage stage) {
    int seconds = (int) stage.duration().toSeconds();
    double from = stage.fromPerMinute() / 60.0;
    double to = stage.toPerMinute() / 60.0;
    int[] users = new int[seconds];
    if (seconds == 0 || (from == 0 && to == 0)) {
      return users;
    }
    if (stage.isConstant()) {
      long all = Math.round(seconds * from);
      for (int s = 0; s < seconds; s++) {
        users[s] = (int) (spread(all, seconds, s) - spread(all, seconds, s - 1));
      }
      return users;
    }
    BigDecimal start = new BigDecimal(Double.toString(from));
    BigDecimal a =
        new BigDecimal(Double.toString(to))
            .subtract(start, DECIMAL)
            .divide(BigDecimal.valueOf(2L * seconds), DECIMAL);
    BigDecimal pending = BigDecimal.ZERO;
    for (int s = 0; s < seconds; s++) {
      BigDecimal exact =
          a.multiply(BigDecimal.valueOf(2L * s + 1), DECIMAL)
              .add(start, DECIMAL)
              .add(pending, DECIMAL);
      int whole = exact.setScale(10, RoundingMode.HALF_UP).intValue();
      pending = exact.subtract(BigDecimal.valueOf(whole), DECIMAL);
      users[s] = whole;
    }
    return users;
  }

  /** Gatling's even spread of {@code total} over {@code buckets}: how many fall in buckets 0 … {@code index}. */
  private static long spread(long total, int buckets, int index) {
    if (index < 0) {
      return 0;
    }
    if (index == buckets - 1) {
      return total;
    }
    return (long) Math.ceil((double) total / buckets * (index + 1));
  }
}
