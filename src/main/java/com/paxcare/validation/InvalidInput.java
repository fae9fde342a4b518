package com.paxcare.validation;

import java.util.List;

/** The request as a whole is rejected (and nothing of it stored); each error names its field. */
public final class InvalidInput extends RuntimeException {
  private final List<FieldError> errors;

  public InvalidInput(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public static InvalidInput of(String field, String reason) {
    return new InvalidInput(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return "Invalid input";
    }
    FieldError first = errors.get(0);
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
    return first.field() + ": " + first.reason() + more;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // an expected outcome, not a fault: no stack trace to collect
  }
}
