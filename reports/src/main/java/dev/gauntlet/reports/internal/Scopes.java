package dev.gauntlet.reports.internal;

import dev.gauntlet.scenario.SloSpec;

/** The totals of the three scopes an SLO may look at. Not thread-safe. */
public record Scopes(ScopeTotals whole, ScopeTotals duringFaults, ScopeTotals outsideFaults) {

  static Scopes empty() {
    return new Scopes(new ScopeTotals(), new ScopeTotals(), new ScopeTotals());
  }

  /** The totals for {@code scope}. */
  public ScopeTotals of(SloSpec.Scope scope) {
    return switch (scope) {
      case WHOLE -> whole;
      case DURING_FAULTS -> duringFaults;
      case OUTSIDE_FAULTS -> outsideFaults;
    };
  }
}
