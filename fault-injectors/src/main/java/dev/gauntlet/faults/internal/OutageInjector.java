package dev.gauntlet.faults.internal;

import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.faults.spi.ProviderFaults;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;

/**
 * Makes hit provider calls fail as the outage's mode says: its status with an OpenAI error body, a connection reset
 * by the peer, a connection closed without an answer, or no answer for {@code hang_for} and then the status.
 * Thread-safe.
 */
public final class OutageInjector implements FaultInjector<Fault.Outage> {

  private final ProviderFaults provider;

  public OutageInjector(ProviderFaults provider) {
    this.provider = provider;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.Outage fault) {
    HttpAnswer answer = answer(fault);
    return provider.activate(spec, () -> answer);
  }

  static HttpAnswer answer(Fault.Outage fault) {
    return switch (fault.mode()) {
      case STATUS -> OpenAiErrors.serverError(fault.status());
      case RESET -> HttpAnswer.dropped(HttpAnswer.Drop.CONNECTION_RESET);
      case EMPTY -> HttpAnswer.dropped(HttpAnswer.Drop.EMPTY_RESPONSE);
      case HANG -> OpenAiErrors.serverError(fault.status()).after(fault.hangFor());
    };
  }
}
