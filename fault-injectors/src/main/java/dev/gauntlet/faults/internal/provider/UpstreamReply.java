package dev.gauntlet.faults.internal.provider;

/**
 * What a real provider (or a recorded exchange) answered in one call, read into wire-neutral form: the reply, and
 * the envelope a rewritten answer keeps. Immutable.
 *
 * @param id      the answer's id as the upstream sent it ({@code chatcmpl-…}, {@code msg_…}, {@code resp_…})
 * @param model   the model that answered
 * @param created epoch seconds, 0 when the format has none
 * @param reply   what the model said
 */
public record UpstreamReply(String id, String model, long created, Reply reply) {}
