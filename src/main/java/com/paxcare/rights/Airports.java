package com.paxcare.rights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where airports are: the country (which regulation applies) and the coordinates (EU 261's distance bands).
 * Reference data shipped with PaxCare ({@code rights/airports.csv}); an airport it does not know gets no
 * regulation worked out, and the airline's own policy still applies.
 */
public final class Airports {
  /** One airport's country (ISO 3166) and position. */
  public record Airport(String code, String country, double latitude, double longitude) {
  }

  private static final Map<String, Airport> KNOWN = load();

  private Airports() {
  }

  public static Optional<Airport> find(String code) {
    return Optional.ofNullable(code == null ? null : KNOWN.get(code));
  }

  /** Great-circle km between two known airports. */
  public static Optional<Integer> distanceKm(String from, String to) {
    return find(from).flatMap(a -> find(to).map(b -> Journey.greatCircleKm(a.latitude(), a.longitude(),
        b.latitude(), b.longitude())));
  }

  private static Map<String, Airport> load() {
    Map<String, Airport> airports = new HashMap<>();
    try (InputStream in = Airports.class.getResourceAsStream("/rights/airports.csv")) {
      if (in == null) {
        throw new IllegalStateException("rights/airports.csv is missing from the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",");
        airports.put(cells[0], new Airport(cells[0], cells[1], Double.parseDouble(cells[2]),
            Double.parseDouble(cells[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(airports);
  }
}
