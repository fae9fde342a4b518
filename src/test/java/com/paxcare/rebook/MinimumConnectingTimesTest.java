package com.paxcare.rebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MinimumConnectingTimesTest {

    @Test
    void parsesMinutesByAirportAndFallsBackToTheDefault() {
        MinimumConnectingTimes mct = MinimumConnectingTimes.parse("MDW=45,DEN=40,ORD=90", Duration.ofMinutes(60));

        assertThat(mct.at("MDW")).isEqualTo(Duration.ofMinutes(45));
        assertThat(mct.at("DEN")).isEqualTo(Duration.ofMinutes(40));
        assertThat(mct.at("ORD")).isEqualTo(Duration.ofMinutes(90));
        assertThat(mct.at("ord")).isEqualTo(Duration.ofMinutes(90));
        assertThat(mct.at("STL")).isEqualTo(Duration.ofMinutes(60));
        assertThat(mct.byAirport()).hasSize(3);
    }

    @Test
    void toleratesBlanksAroundEntries() {
        MinimumConnectingTimes mct = MinimumConnectingTimes.parse(" mdw = 45 , DEN=0,", Duration.ofMinutes(30));

        assertThat(mct.at("MDW")).isEqualTo(Duration.ofMinutes(45));
        assertThat(mct.at("DEN")).isEqualTo(Duration.ZERO);
    }

    @Test
    void blankOrNullSpecGivesOnlyTheDefault() {
        assertThat(MinimumConnectingTimes.parse("", Duration.ofMinutes(50)).byAirport()).isEmpty();
        assertThat(MinimumConnectingTimes.parse("   ", Duration.ofMinutes(50)).at("MDW"))
                .isEqualTo(Duration.ofMinutes(50));
        assertThat(MinimumConnectingTimes.parse(null, Duration.ofMinutes(50)).at("DEN"))
                .isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void malformedEntryIsRejectedByName() {
        Duration d = Duration.ofMinutes(45);
        assertThatThrownBy(() -> MinimumConnectingTimes.parse("MDW=45,DEN40", d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'DEN40'");
        assertThatThrownBy(() -> MinimumConnectingTimes.parse("MDW=abc", d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'MDW=abc'");
        assertThatThrownBy(() -> MinimumConnectingTimes.parse("MDW=-5", d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'MDW=-5'");
        assertThatThrownBy(() -> MinimumConnectingTimes.parse("=45", d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'=45'");
        assertThatThrownBy(() -> MinimumConnectingTimes.parse("MDW=45,MDW=50", d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'MDW=50'");
    }
}
