package dev.gauntlet.dataset.generator;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The made-up shop the dataset is about: customers, orders, parcels and dates, drawn from one seeded random
 * source, with every identifier unique across the dataset. Not thread-safe.
 */
final class World {

  static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

  private static final List<String> FIRST =
      List.of(
          "Maria", "James", "Aisha", "Liam", "Sofia", "Noah", "Chen", "Olivia", "Mateo", "Priya",
          "Lucas", "Emma", "Yuki", "Ethan", "Fatima", "Daniel", "Zoe", "Omar", "Hannah", "Diego",
          "Grace", "Kwame", "Ines", "Samuel", "Leila", "Marco", "Nina", "Tom", "Ana", "Ravi");
  private static final List<String> LAST =
      List.of(
          "Gonzalez",
          "Smith",
          "Khan",
          "Murphy",
          "Rossi",
          "Johnson",
          "Wei",
          "Brown",
          "Fernandez",
          "Patel",
          "Silva",
          "Muller",
          "Tanaka",
          "Walker",
          "Haddad",
          "Kim",
          "Nguyen",
          "Osei",
          "Novak",
          "Lopez",
          "Byrne",
          "Schmidt",
          "Costa",
          "Ali",
          "Dubois",
          "Larsen",
          "Moreau",
          "Reyes");
  private static final List<String> DOMAINS =
      List.of("example.com", "example.org", "example.net", "mail.example");
  private static final List<String> CITIES =
      List.of(
          "Memphis, TN",
          "Louisville, KY",
          "Columbus, OH",
          "Reno, NV",
          "Allentown, PA",
          "Dallas, TX",
          "Ontario, CA",
          "Atlanta, GA",
          "Joliet, IL",
          "Phoenix, AZ",
          "Kansas City, MO",
          "Newark, NJ",
          "Salt Lake City, UT",
          "Indianapolis, IN",
          "Charlotte, NC");
  private static final List<String> STREETS =
      List.of(
          "Maple Avenue",
          "Oak Street",
          "Harbor Road",
          "Cedar Lane",
          "Hillcrest Drive",
          "Lakeview Terrace",
          "Mill Road",
          "Sunset Boulevard",
          "Church Street",
          "Elm Court");

  private final SplittableRandom random;
  private final Set<String> used = new HashSet<>();

  World(SplittableRandom random) {
    this.random = random;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  int between(int from, int to) {
    return random.nextInt(from, to + 1);
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  Customer customer() {
    String first = pick(FIRST);
    String last = pick(LAST);
    String local = (first + (chance(0.5) ? "." : "") + last).toLowerCase(java.util.Locale.ROOT);
    String email =
        unique(
            () ->
                local + (chance(0.4) ? String.valueOf(between(1, 99)) : "") + "@" + pick(DOMAINS));
    return new Customer(first, last, email, unique(() -> "C-" + between(10000, 99999)));
  }

  String orderId() {
    return unique(() -> "A" + between(10000, 99999));
  }

  Parcel parcel() {
    String carrier = pick(List.of("UPS", "FedEx", "USPS", "DHL"));
    return new Parcel(carrier, unique(() -> trackingNumber(carrier)));
  }

  String code(String prefix, int length) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    return unique(
        () -> {
          StringBuilder code = new StringBuilder(prefix);
          for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
          return code.toString();
        });
  }

  String daysAgo(int from, int to) {
    return TODAY.minusDays(between(from, to)).toString();
  }

  String daysAhead(int from, int to) {
    return TODAY.plusDays(between(from, to)).toString();
  }

  String city() {
    return pick(CITIES);
  }

  String street() {
    return between(2, 2999) + " " + pick(STREETS);
  }

  static String money(int cents) {
    return String.format("%d.%02d", cents / 100, cents % 100);
  }

  private String trackingNumber(String carrier) {
    switch (carrier) {
      case "UPS":
        return "1Z" + code("", 6) + digits(10);
      case "FedEx":
        return digits(12);
      case "USPS":
        return "9400" + digits(18);
      default:
        return "JD" + digits(16);
    }
  }

  private String digits(int count) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < count; i++) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  private String unique(java.util.function.Supplier<String> draw) {
    String value = draw.get();
    while (!used.add(value)) {
      value = draw.get();
    }
    return value;
  }

  /** A shopper. */
  record Customer(String first, String last, String email, String id) {
    String name() {
      return first + " " + last;
    }
  }

  /** A shipment of a carrier. */
  record Parcel(String carrier, String trackingNumber) {}
}
