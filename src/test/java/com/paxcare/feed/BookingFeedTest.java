package com.paxcare.feed;

import com.paxcare.PaxCareNode;
import com.paxcare.db.Database;
import com.paxcare.testing.Http;
import com.paxcare.testing.TestDatabase;
import com.paxcare.testing.TestNodes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.paxcare.testing.Fixtures.passenger;
import static com.paxcare.testing.Fixtures.segment;
import static com.paxcare.testing.Fixtures.uhle;
import static com.paxcare.testing.Fixtures.wn1234;
import static com.paxcare.testing.Fixtures.wn2001;
import static org.assertj.core.api.Assertions.assertThat;

class BookingFeedTest {
  private static PaxCareNode node;
  private static Http http;

  @BeforeAll
  static void start() {
    Database database = TestDatabase.fresh();
    node = TestNodes.single(database);
    http = new Http(node.httpPort());
    assertThat(http.postJson("/api/v1/feed/flights", new JsonArray().add(wn1234()).add(wn2001())).status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    TestNodes.stop(node);
  }

  private static int sold(String flightPath, String cabin) {
    return http.get("/api/v1/flights/" + flightPath).json().getJsonObject("seats").getJsonObject(cabin)
        .getInteger("sold");
  }

  @Test
  void theContractExampleIsStoredAndReadBackWhole() {
    var answer = http.postJson("/api/v1/feed/bookings", new JsonArray().add(uhle()));
    assertThat(answer.status()).isEqualTo(200);

    JsonObject booking = http.get("/api/v1/bookings/K7Q2ZB").json();
    assertThat(booking.getString("pnr")).isEqualTo("K7Q2ZB");
    JsonObject peggy = booking.getJsonArray("passengers").getJsonObject(0);
    assertThat(peggy.getString("firstName")).isEqualTo("PEGGY");
    assertThat(peggy.getString("lastName")).isEqualTo("UHLE");
    assertThat(peggy.getString("phone")).isEqualTo("+13125550142");
    assertThat(booking.getJsonArray("contacts").getJsonObject(0).getString("relation")).isEqualTo("SPOUSE");
    JsonObject segment = booking.getJsonArray("segments").getJsonObject(0);
    assertThat(segment.getString("flight")).isEqualTo("WN1234");
    assertThat(segment.getString("seat")).isEqualTo("14C");
    assertThat(segment.getString("status")).isEqualTo("BOARDED");
    assertThat(segment.getString("departure")).isEqualTo("2026-11-22T14:05-06:00");
    assertThat(segment.getJsonObject("fare")).isEqualTo(new JsonObject().put("amount", "129.00").put("currency", "USD"));
    assertThat(sold("WN1234/2026-11-22/MDW", "Y")).isEqualTo(1);
  }

  @Test
  void aResentBookingReplacesWhatItNoLongerListsAndSeatsSoldFollow() {
    JsonObject family = new JsonObject().put("pnr", "FAM123")
        .put("passengers", new JsonArray().add(passenger("P1", "ANA", "NUÑEZ")).add(passenger("P2", "LUIS", "NUÑEZ")))
        .put("segments", new JsonArray()
            .add(segment("P1", wn1234(), "J", "2A", "CONFIRMED", "5262100000002"))
            .add(segment("P2", wn1234(), "J", "2C", "CONFIRMED", "5262100000003")));
    int soldBefore = sold("WN1234/2026-11-22/MDW", "J");
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(family)).status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(family)).status()).isEqualTo(200);
    assertThat(sold("WN1234/2026-11-22/MDW", "J")).isEqualTo(soldBefore + 2);

    // Luis leaves the booking and Ana moves to his seat: one batch, seats checked at commit.
    family.put("passengers", new JsonArray().add(passenger("P1", "ANA", "NUÑEZ")))
        .put("segments", new JsonArray().add(segment("P1", wn1234(), "J", "2C", "CHECKED_IN", "5262100000002")));
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(family)).status()).isEqualTo(200);

    JsonObject booking = http.get("/api/v1/bookings/FAM123").json();
    assertThat(booking.getJsonArray("passengers")).hasSize(1);
    assertThat(booking.getJsonArray("passengers").getJsonObject(0).getString("lastName")).isEqualTo("NUÑEZ");
    assertThat(booking.getJsonArray("segments")).hasSize(1);
    assertThat(booking.getJsonArray("segments").getJsonObject(0).getString("seat")).isEqualTo("2C");
    assertThat(booking.getJsonArray("segments").getJsonObject(0).getString("status")).isEqualTo("CHECKED_IN");
    assertThat(sold("WN1234/2026-11-22/MDW", "J")).isEqualTo(soldBefore + 1);

    // A cancelled coupon releases its seat.
    family.put("segments", new JsonArray().add(segment("P1", wn1234(), "J", "2C", "CANCELLED", "5262100000002")));
    assertThat(http.postJson("/api/v1/feed/bookings", new JsonArray().add(family)).status()).isEqualTo(200);
    assertThat(sold("WN1234/2026-11-22/MDW", "J")).isEqualTo(soldBefore);
  }

  @Test
  void aSegmentOnAnUnfedFlightRejectsTheWholeBatch() {
    JsonObject good = new JsonObject().put("pnr", "GOOD01")
        .put("passengers", new JsonArray().add(passenger("P1", "JOHN", "DOE")))
        .put("segments", new JsonArray().add(segment("P1", wn2001(), "Y", null, "CONFIRMED", null)));
    JsonObject ghost = wn1234().put("flight", "WN7777");
    JsonObject bad = new JsonObject().put("pnr", "BAD001")
        .put("passengers", new JsonArray().add(passenger("P1", "JANE", "DOE")))
        .put("segments", new JsonArray()
            .add(segment("P1", ghost, "Y", null, "CONFIRMED", null))
            .add(segment("P1", wn2001(), "F", null, "CONFIRMED", null)));

    var answer = http.postJson("/api/v1/feed/bookings", new JsonArray().add(good).add(bad));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .containsExactly("[1].segments[0].flight", "[1].segments[1].cabin");
    assertThat(http.get("/api/v1/bookings/GOOD01").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/bookings/BAD001").status()).isEqualTo(404);
  }

  @Test
  void invalidFieldsAreAllNamed() {
    JsonObject bad = new JsonObject().put("pnr", "k7q2zb")
        .put("passengers", new JsonArray().add(passenger("P1", "PEGGY", "UHLE").put("phone", "555-0142")
            .put("ssr", new JsonArray().add("wheelchair"))))
        .put("segments", new JsonArray().add(segment("P9", wn1234(), "Y", "14CC", "FLYING", "123")
            .put("fare", new JsonObject().put("amount", 129.0).put("currency", "USD"))));

    var answer = http.postJson("/api/v1/feed/bookings", new JsonArray().add(bad));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
        .contains("[0].pnr", "[0].passengers[0].phone", "[0].passengers[0].ssr[0]", "[0].segments[0].seat",
            "[0].segments[0].status", "[0].segments[0].ticket", "[0].segments[0].fare.amount");
  }

  @Test
  void twoBookingsClaimingOneSeatConflictAndNeitherIsStored() {
    JsonObject first = new JsonObject().put("pnr", "SEAT01")
        .put("passengers", new JsonArray().add(passenger("P1", "AMY", "ONE")))
        .put("segments", new JsonArray().add(segment("P1", wn2001(), "Y", "1A", "CONFIRMED", null)));
    JsonObject second = new JsonObject().put("pnr", "SEAT02")
        .put("passengers", new JsonArray().add(passenger("P1", "BEN", "TWO")))
        .put("segments", new JsonArray().add(segment("P1", wn2001(), "Y", "1A", "CONFIRMED", null)));

    var answer = http.postJson("/api/v1/feed/bookings", new JsonArray().add(first).add(second));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("one_passenger_per_seat");
    assertThat(http.get("/api/v1/bookings/SEAT01").status()).isEqualTo(404);
    assertThat(sold("WN2001/2026-11-22/MDW", "Y")).isZero();
  }

  @Test
  void anUnknownBookingIsNotFoundAndABadLocatorIsNamed() {
    assertThat(http.get("/api/v1/bookings/ZZZZZZ").status()).isEqualTo(404);
    var bad = http.get("/api/v1/bookings/abc");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("pnr");
  }
}
