package dev.gauntlet.faults.memory.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.gauntlet.faults.memory.MissingLibraryException;
import java.util.List;

/** Loads a native library through JNA by the first of several names that loads. Thread-safe. */
public final class NativeLibraries {

  private NativeLibraries() {}

  /**
   * The library under the first name in {@code names} that loads; a system property {@code override}, when set,
   * is the only name tried.
   *
   * @throws MissingLibraryException naming every name tried, when none loads
   */
  public static <T extends Library> T load(
      Class<T> type, String library, String override, List<String> names, String hint) {
    String forced = System.getProperty(override);
    List<String> tried = forced == null || forced.isBlank() ? names : List.of(forced);
    for (String name : tried) {
      try {
        return Native.load(name, type);
      } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
        // The next name may load; every one tried is named in the exception if none does.
      }
    }
    throw new MissingLibraryException(
        library, tried, hint + " or set -D" + override + "=/path/to/the/library");
  }
}
