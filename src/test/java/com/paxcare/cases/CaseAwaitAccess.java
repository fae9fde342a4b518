package com.paxcare.cases;

import com.paxcare.testing.Http;
import io.vertx.core.json.JsonObject;

/** Lets tests in other packages wait for a plan. */
public final class CaseAwaitAccess {
  private CaseAwaitAccess() {
  }

  public static JsonObject planDone(Http http, String caseId) throws InterruptedException {
    return CaseAwait.planDone(http, caseId);
  }
}
