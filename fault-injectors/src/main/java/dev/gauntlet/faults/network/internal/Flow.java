package dev.gauntlet.faults.network.internal;

import io.netty.buffer.ByteBuf;

/** One direction of a connection's byte stream, as each toxic on it passes it on. Used on one event loop only. */
interface Flow {

  /** Takes {@code bytes}, and with them the duty to release them. */
  void data(ByteBuf bytes);

  /** The stream has ended: the side it comes from closed. Nothing follows. */
  void end();
}
