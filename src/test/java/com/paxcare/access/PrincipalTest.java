package com.paxcare.access;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrincipalTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

  @Test
  void scopesBindEachRoleToWhatIsTheirs() {
    Principal gate = Principal.gateAgent("maria", "MDW");
    assertThat(gate.mayWorkStation("MDW")).isTrue();
    assertThat(gate.mayWorkStation("DEN")).isFalse();
    assertThat(gate.mayCrewFlight("WN1234", DAY)).isFalse();

    Principal crew = Principal.crew("crew", "WN1234", DAY);
    assertThat(crew.mayCrewFlight("WN1234", DAY)).isTrue();
    assertThat(crew.mayCrewFlight("WN1234", DAY.plusDays(1))).isFalse();
    assertThat(crew.mayCrewFlight("WN2001", DAY)).isFalse();
    assertThat(crew.mayWorkStation("MDW")).isFalse();

    Principal passenger = Principal.passenger("K7Q2ZB", "UHLE");
    assertThat(passenger.mayReadBooking("K7Q2ZB")).isTrue();
    assertThat(passenger.mayReadBooking("ZZ9QQQ")).isFalse();

    Principal ops = Principal.staff("ana", Role.OPS);
    assertThat(ops.mayWorkStation("DEN")).isTrue();
    assertThat(ops.mayCrewFlight("WN2001", DAY)).isTrue();
    assertThat(Principal.staff("luis", Role.CARE).mayWorkStation("MDW")).isFalse();
  }

  @Test
  void claimsRoundTripAndATokenWithoutItsScopeIsRefused() {
    for (Principal principal : new Principal[] {Principal.gateAgent("maria", "MDW"),
        Principal.crew("crew", "WN1234", DAY), Principal.passenger("K7Q2ZB", "UHLE"), Principal.staff("a", Role.ADMIN)}) {
      assertThat(Principal.fromClaims(principal.claims())).isEqualTo(principal);
    }
    assertThatThrownBy(() -> Principal.fromClaims(new io.vertx.core.json.JsonObject().put("sub", "x")
        .put("role", "gate"))).hasMessageContaining("station");
    assertThatThrownBy(() -> Principal.fromClaims(new io.vertx.core.json.JsonObject().put("sub", "x")
        .put("role", "pilot"))).hasMessageContaining("role");
  }

  @Test
  void liveAddressesFollowTheSameScopes() {
    Principal gate = Principal.gateAgent("maria", "MDW");
    assertThat(LiveAddresses.mayRead(gate, "paxcare.station.MDW")).isTrue();
    assertThat(LiveAddresses.mayRead(gate, "paxcare.gate.MDW.B12")).isTrue();
    assertThat(LiveAddresses.mayRead(gate, "paxcare.station.DEN")).isFalse();
    assertThat(LiveAddresses.mayRead(gate, "paxcare.ops.escalations")).isFalse();
    Principal crew = Principal.crew("crew", "WN1234", DAY);
    assertThat(LiveAddresses.mayRead(crew, "paxcare.crew.WN1234.2026-11-25")).isTrue();
    assertThat(LiveAddresses.mayRead(crew, "paxcare.crew.WN1234.2026-11-26")).isFalse();
    Principal care = Principal.staff("luis", Role.CARE);
    assertThat(LiveAddresses.mayRead(care, "paxcare.caredesk")).isTrue();
    assertThat(LiveAddresses.mayRead(care, "paxcare.station.MDW")).isFalse();
    Principal ops = Principal.staff("ana", Role.OPS);
    assertThat(LiveAddresses.mayRead(ops, "paxcare.station.DEN")).isTrue();
    assertThat(LiveAddresses.mayRead(ops, "paxcare.steps.wake")).as("internal wake-ups are nobody's").isFalse();
    assertThat(LiveAddresses.mayRead(ops, null)).isFalse();
  }

  @Test
  void apiKeysAreParsedStrictlyAndOnlyForUnscopedRoles() {
    var keys = ApiKey.parseList("dcs:feed:0123456789abcdef, contactcentre:care:fedcba9876543210");
    assertThat(keys).extracting(ApiKey::name).containsExactly("dcs", "contactcentre");
    assertThat(keys.get(1).principal().role()).isEqualTo(Role.CARE);
    assertThat(keys.get(0).toString()).doesNotContain("0123456789abcdef");
    assertThatThrownBy(() -> ApiKey.parseList("tablet:gate:0123456789abcdef")).hasMessageContaining("admin, ops, care or feed");
    assertThatThrownBy(() -> ApiKey.parseList("dcs:feed:short")).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> ApiKey.parseList("dcs:feed")).hasMessageContaining("name:role:key");
    assertThatThrownBy(() -> ApiKey.parseList("a:feed:0123456789abcdef,b:feed:0123456789abcdef"))
        .hasMessageContaining("twice");
  }
}
