package com.paxcare.baggage;

/**
 * Why part of a BSM text could not be accepted.
 *
 * @param line   1-based line of the offending element, or of the {@code BSM} line when the whole message is wrong
 * @param reason plain English naming the element, e.g. ".N/ tag must be 10 digits followed by a 3-digit count"
 */
public record BsmRejection(int line, String reason) {
}
