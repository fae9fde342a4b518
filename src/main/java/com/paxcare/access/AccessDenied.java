package com.paxcare.access;

/** Not signed in (401) or not allowed (403); the web edge turns it into a problem answer. */
public final class AccessDenied extends RuntimeException {
  private final int status;

  private AccessDenied(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  public static AccessDenied notSignedIn(String detail) {
    return new AccessDenied(401, detail);
  }

  public static AccessDenied forbidden(String detail) {
    return new AccessDenied(403, detail);
  }

  public int status() {
    return status;
  }
}
