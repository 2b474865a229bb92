package dev.gauntlet.engine.internal;

import java.nio.file.Path;

/** Where Gauntlet is installed: the {@code gauntlet.home} property (set by the launcher), else the working dir. */
public final class Home {

  private Home() {}

  public static Path path() {
    String home = System.getProperty("gauntlet.home");
    return (home == null || home.isBlank() ? Path.of("") : Path.of(home))
        .toAbsolutePath()
        .normalize();
  }
}
