package dev.gauntlet.dataset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code dataset.yaml} says, as far as it could be read.
 *
 * @param catalog  the tools by name, present only when the whole {@code tools} section was valid, so that items are
 *                 not blamed for a broken catalog
 * @param prices   the valid price hints by model, in file order
 * @param defaults how items are scored when they do not say, present only when the whole {@code scorers} section
 *                 was valid, so that items are not blamed for a broken one
 */
record Manifest(
    String name,
    String version,
    String owner,
    String description,
    List<ToolDef> tools,
    Optional<Map<String, ToolDef>> catalog,
    Map<String, PriceHint> prices,
    Optional<ScorerDefaults> defaults) {}
