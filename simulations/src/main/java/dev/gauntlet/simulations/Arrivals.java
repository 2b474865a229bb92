package dev.gauntlet.simulations;

import dev.gauntlet.scenario.ArrivalSchedule;
import dev.gauntlet.scenario.Stage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The workload's clock for arrivals: the profile's {@link ArrivalSchedule} and its time zero, which give each virtual
 * user the epoch millisecond its arrival was due. Gatling numbers its users from 1 in the order its injector schedules
 * them, so user n is the schedule's arrival n − 1.
 *
 * <p>Time zero is when Gatling's injector started, which no API tells: it starts the users due at once the moment it
 * starts, so the first user to arrive fixes zero as its own arrival less its offset. (Gatling builds its engine for
 * about a second after {@code Simulation.before}, so that moment would put every arrival a second late.) Thread-safe.
 */
final class Arrivals {

  private final ArrivalSchedule schedule;
  private final LongSupplier clock;
  private final AtomicLong zeroMs = new AtomicLong(-1);

  Arrivals(List<Stage> profile, LongSupplier clock) {
    this.schedule = ArrivalSchedule.of(profile);
    this.clock = clock;
  }

  /**
   * Epoch milliseconds Gatling's user {@code userId} was due, -1 past the schedule; the first call fixes time zero.
   */
  long scheduledMs(long userId) {
    long offset = schedule.offsetMs(userId - 1);
    if (offset < 0) {
      return -1;
    }
    long zero = zeroMs.get();
    if (zero < 0) {
      zeroMs.compareAndSet(-1, clock.getAsLong() - offset);
      zero = zeroMs.get();
    }
    return zero + offset;
  }
}
