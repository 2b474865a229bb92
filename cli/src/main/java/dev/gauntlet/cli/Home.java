package dev.gauntlet.cli;

import java.nio.file.Path;

/** Where Gauntlet is installed: the {@code gauntlet.home} property (set by the launcher), else the working dir. */
final class Home {

  private Home() {}

  static Path path() {
    String home = System.getProperty("gauntlet.home");
    return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
  }
}
