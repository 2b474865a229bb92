package dev.gauntlet.engine;

/** The exit codes of design.md, one place. */
public final class ExitCodes {

  public static final int PASSED = 0;
  public static final int INVALID_INPUT = 1;
  public static final int SLO_FAILED = 2;
  public static final int UNRESOLVED = 3;
  public static final int HARNESS_FAILED = 4;

  private ExitCodes() {}
}
