package dev.gauntlet.reports.internal.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Properties;

/**
 * The files report.html inlines: Apache ECharts from its webjar, the report's own script and style sheet. Read once
 * and kept. Thread-safe (immutable once loaded).
 */
final class Assets {

  private static final String BASE = "/dev/gauntlet/reports/html/";
  private static volatile Assets loaded;

  final String echartsVersion;
  final String echarts;
  final String script;
  final String style;

  private Assets(String echartsVersion, String echarts, String script, String style) {
    this.echartsVersion = echartsVersion;
    this.echarts = echarts;
    this.script = script;
    this.style = style;
  }

  static Assets get() {
    if (loaded == null) {
      Properties properties = new Properties();
      try (InputStream in = resource(BASE + "assets.properties")) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("could not read the report's assets.properties", e);
      }
      loaded =
          new Assets(
              properties.getProperty("echarts.version"),
              read(properties.getProperty("echarts.path")),
              read(BASE + "report.js"),
              read(BASE + "report.css"));
    }
    return loaded;
  }

  /** The CSP source that allows exactly the inline script {@code text}: {@code 'sha256-…'}. */
  static String hashSource(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          "every Java runtime must have SHA-256, but this one does not", e);
    }
  }

  private static String read(String path) {
    try (InputStream in = resource(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + " from the class path", e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = Assets.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          path
              + " must be on the class path (gauntlet-reports and the echarts webjar), "
              + "but it is not; rebuild with ./mvnw package");
    }
    return in;
  }
}
