package com.paxcare.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A partner system's key from {@code PAXCARE_API_KEYS} ({@code name:role:key}), sent as a Bearer token. */
public record ApiKey(String name, Role role, String key) {
  /** Keys are long random strings; short ones are guessable. */
  static final int MIN_KEY_LENGTH = 16;

  public Principal principal() {
    return Principal.staff(name, role);
  }

  @Override
  public String toString() {
    return "ApiKey[" + name + ", " + role.code() + "]"; // never print the key itself
  }

  /**
   * Parses the comma-separated list. Only roles without a scope can be keys: a station, flight or booking belongs
   * to a person, who signs in.
   */
  public static List<ApiKey> parseList(String raw) {
    List<ApiKey> keys = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      return keys;
    }
    Set<String> names = new HashSet<>();
    Set<String> secrets = new HashSet<>();
    for (String entry : raw.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split(":", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("PAXCARE_API_KEYS: each entry is name:role:key");
      }
      String name = parts[0].trim();
      if (!name.matches("[A-Za-z0-9._-]{1,40}")) {
        throw new IllegalArgumentException("PAXCARE_API_KEYS: '" + name + "' is not a name (letters, digits, . _ -)");
      }
      Role role = Role.fromCode(parts[1].trim()).filter(r -> Set.of(Role.ADMIN, Role.OPS, Role.CARE, Role.FEED)
          .contains(r)).orElseThrow(() -> new IllegalArgumentException("PAXCARE_API_KEYS: key '" + name
          + "' has role '" + parts[1].trim() + "'; a key may be admin, ops, care or feed"));
      String key = parts[2].trim();
      if (key.length() < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException("PAXCARE_API_KEYS: key '" + name + "' must be at least "
            + MIN_KEY_LENGTH + " characters");
      }
      if (!names.add(name) || !secrets.add(key)) {
        throw new IllegalArgumentException("PAXCARE_API_KEYS: key '" + name + "' is listed twice");
      }
      keys.add(new ApiKey(name, role, key));
    }
    return List.copyOf(keys);
  }
}
