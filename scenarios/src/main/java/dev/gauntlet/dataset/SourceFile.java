package dev.gauntlet.dataset;

import java.nio.file.Path;

/** A file being read, with the name problems show for it: relative to the working directory when it is inside it. */
record SourceFile(Path path, String shown) {

  static SourceFile of(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path workingDir = Path.of("").toAbsolutePath().normalize();
    String shown =
        absolute.startsWith(workingDir)
            ? workingDir.relativize(absolute).toString()
            : absolute.toString();
    return new SourceFile(path, shown);
  }
}
