package com.paxcare.rebook;

import java.util.Locale;

/** Cabin letters ranked by class of service: F=4, J=3, C=3, W=2, Y=1; any other letter ranks 1 like economy. */
public final class Cabins {

    private Cabins() {
    }

    /** Rank of a cabin letter; case and surrounding blanks are ignored, null or unknown letters rank 1. */
    public static int rank(String cabin) {
        return switch (normalize(cabin)) {
            case "F" -> 4;
            case "J", "C" -> 3;
            case "W" -> 2;
            default -> 1;
        };
    }

    /** Upper-case, trimmed cabin letter; null becomes "". */
    static String normalize(String cabin) {
        return cabin == null ? "" : cabin.trim().toUpperCase(Locale.ROOT);
    }
}
