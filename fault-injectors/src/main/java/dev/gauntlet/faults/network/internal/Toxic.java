package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A toxic's own attributes, with Toxiproxy's names and units; name, stream and toxicity live in {@link ToxicSpec}.
 * Each kind also makes the stage that applies it to one direction of one connection. Implementations are
 * immutable records.
 */
sealed interface Toxic
    permits Latency, Bandwidth, SlowClose, Timeout, ResetPeer, Slicer, LimitData {

  /** The {@code type} the API names this kind by. */
  String type();

  /** A copy with the attributes {@code attributes} names changed and the others kept. */
  Toxic with(Attributes attributes);

  /** Writes every attribute, so that clients which read them all find them. */
  void write(ObjectNode attributes);

  /** A new stage applying this toxic to one direction of one connection. */
  ToxicStage newStage();
}
