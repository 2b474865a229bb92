package dev.gauntlet.faults.network.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The toxic kinds the server knows, by {@code type}, each with every attribute at zero. Immutable. */
final class ToxicTypes {

  private static final Map<String, Toxic> ZEROES =
      List.<Toxic>of(
              new Latency(0, 0),
              new Bandwidth(0),
              new SlowClose(0),
              new Timeout(0),
              new ResetPeer(0),
              new Slicer(0, 0, 0),
              new LimitData(0))
          .stream()
          .collect(Collectors.toUnmodifiableMap(Toxic::type, Function.identity()));

  private ToxicTypes() {}

  /** The kind named {@code type} with every attribute at zero, as Toxiproxy starts one. */
  static Toxic zero(String type) {
    Toxic zero = ZEROES.get(type);
    if (zero == null) {
      throw ApiError.invalidToxicType();
    }
    return zero;
  }
}
