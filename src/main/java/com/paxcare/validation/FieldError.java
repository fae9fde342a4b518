package com.paxcare.validation;

/** One thing wrong with a request: where ({@code [2].segments[0].seat}, or a line of text) and why. */
public record FieldError(String field, String reason) {
}
