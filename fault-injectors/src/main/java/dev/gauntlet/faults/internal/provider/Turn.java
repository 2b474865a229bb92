package dev.gauntlet.faults.internal.provider;

/**
 * What the provider mock serves in one call: the model's reply and how it goes on the wire. Immutable.
 *
 * @param reply        what the model says
 * @param wire         how the completion deviates on the wire, {@link Wire#NORMAL} for not at all
 * @param hallucinated whether the reply holds a tool call the model invented (written to the ledger)
 */
public record Turn(Reply reply, Wire wire, boolean hallucinated) {

  /** A well-formed turn. */
  public static Turn of(Reply reply) {
    return new Turn(reply, Wire.NORMAL, false);
  }
}
