package dev.gauntlet.faults.memory;

import java.util.List;

/**
 * A native library a memory injector or sampler needs is not installed, or not where the loader looks. The message
 * names the library, every name tried and how to fix it; the command line prints it as one line. Immutable.
 */
public final class MissingLibraryException extends RuntimeException {

  private final String library;
  private final List<String> namesTried;

  /** {@code library} is what it is in words ("the CUDA runtime"); {@code hint} says how to make it load. */
  public MissingLibraryException(String library, List<String> namesTried, String hint) {
    super(
        "could not load "
            + library
            + ": tried "
            + String.join(", ", namesTried)
            + " (jna.library.path="
            + System.getProperty("jna.library.path", "unset")
            + ", LD_LIBRARY_PATH="
            + System.getenv().getOrDefault("LD_LIBRARY_PATH", "unset")
            + "); "
            + hint);
    this.library = library;
    this.namesTried = List.copyOf(namesTried);
  }

  /** What was missing, in words. */
  public String library() {
    return library;
  }

  /** Every library name the loader tried, in order. */
  public List<String> namesTried() {
    return namesTried;
  }
}
