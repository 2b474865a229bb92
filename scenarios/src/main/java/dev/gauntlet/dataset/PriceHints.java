package dev.gauntlet.dataset;

import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's price table with its dataset's price hints as the fallback: a model the scenario's {@code prices}
 * do not list costs what {@code dataset.yaml}'s {@code prices} say it cost when the dataset was made, rather than
 * nothing. The scenario's own prices always win. Stateless and thread-safe.
 */
public final class PriceHints {

  private PriceHints() {}

  /** {@code scenario} with every model {@code dataset} hints and the scenario does not price added to its prices. */
  public static Scenario apply(Scenario scenario, Dataset dataset) {
    if (dataset == null
        || dataset.prices().keySet().stream().allMatch(scenario.prices()::containsKey)) {
      return scenario;
    }
    Map<String, Price> prices = new LinkedHashMap<>();
    dataset
        .prices()
        .forEach(
            (model, hint) ->
                prices.put(model, new Price(hint.inputPerMillion(), hint.outputPerMillion())));
    prices.putAll(scenario.prices());
    return scenario.withPrices(prices);
  }

  /**
   * One line per provider model of {@code scenario} that its prices leave out: priced from a hint of
   * {@code dataset}, or not priced at all, so that its calls count as free. Empty when every model is priced.
   */
  public static List<String> notes(Scenario scenario, Dataset dataset) {
    Set<String> models = new LinkedHashSet<>();
    scenario.providers().stream()
        .map(Provider::model)
        .filter(model -> !scenario.prices().containsKey(model))
        .forEach(models::add);
    List<String> notes = new ArrayList<>();
    for (String model : models) {
      PriceHint hint = dataset == null ? null : dataset.prices().get(model);
      notes.add(
          hint == null
              ? "model "
                  + model
                  + " has no price in the scenario's prices nor in the dataset's price "
                  + "hints, so its calls count as free; add it to prices to measure cost"
              : String.format(
                  Locale.ROOT,
                  "model %s is priced at dataset %s's hint of %s in, %s out per million tokens, "
                      + "since the scenario's prices do not list it; add it to prices to pin it",
                  model,
                  dataset.name(),
                  usd(hint.inputPerMillion()),
                  usd(hint.outputPerMillion())));
    }
    return notes;
  }

  /** {@code $0.15}, {@code $2.50}, {@code $0.075}: at least cents, never a rounded-off digit. */
  static String usd(double perMillion) {
    BigDecimal value = BigDecimal.valueOf(perMillion).stripTrailingZeros();
    return "$" + (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
  }
}
