package com.paxcare.baggage;

import com.paxcare.baggage.BsmMessage.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BsmWriterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 20);

    private static BsmMessage fullMessage() {
        return new BsmMessage(Action.ADD, null, "OSL", 'T',
                new FlightLeg("SK1", LocalDate.of(2026, 2, 4), "TRD", null),
                new FlightLeg("SK4416", LocalDate.of(2026, 2, 5), "TOS", 'C'),
                List.of(new FlightLeg("WN12", LocalDate.of(2026, 2, 6), "DAL", 'Y'),
                        new FlightLeg("9W123A", LocalDate.of(2026, 2, 7), "BOM", null)),
                List.of("0117814872", "0117814873", "0117814874", "0220123456"),
                2, 36, "UHLE", List.of("PEGGYMRS", "HANS MR"), "X7QK2P",
                List.of("PRIO", "HEAV"), List.of("OFF"), null, 0);
    }

    @Test
    void writesEveryElementInRp1745Order() {
        assertThat(BsmWriter.write(fullMessage())).isEqualTo("""
                BSM
                .V/1TOSL
                .I/SK1/04FEB/TRD
                .F/SK4416/05FEB/TOS/C
                .O/WN12/06FEB/DAL/Y
                .O/9W123A/07FEB/BOM
                .N/0117814872003
                .N/0220123456001
                .W/K/2/36
                .P/UHLE/PEGGYMRS/HANS MR
                .L/X7QK2P
                .E/PRIO
                .E/HEAV
                .B/OFF
                ENDBSM""");
    }

    @Test
    void writesChangeAndDeleteRightAfterBsm() {
        BsmMessage delete = new BsmMessage(Action.DEL, "1LOSL", "OSL", 'L', null, null, null,
                List.of("0117814872"), null, null, null, null, null, null, null, null, 0);

        assertThat(BsmWriter.write(delete)).isEqualTo("BSM\nDEL\n.V/1LOSL\n.N/0117814872001\nENDBSM");
    }

    @Test
    void writesPiecesOnlyAsP() {
        BsmMessage m = withPiecesAndWeight(3, null);

        assertThat(BsmWriter.write(m)).contains("\n.W/P/3\n");
    }

    @Test
    void collapsesOnlyTrulyConsecutiveTagsAndAtMost999PerElement() {
        List<String> tags = new ArrayList<>(List.of("0117814872", "0117814873", "0117814875",
                "0117999999", "0118000000"));
        for (int serial = 0; serial < 1000; serial++) {
            tags.add(String.format("0220%06d", serial));
        }
        BsmMessage m = new BsmMessage(Action.ADD, null, "OSL", 'L', null,
                new FlightLeg("SK4416", LocalDate.of(2026, 2, 5), "TOS", null), null,
                tags, null, null, null, null, null, null, null, null, 0);

        String text = BsmWriter.write(m);

        assertThat(text.lines().filter(line -> line.startsWith(".N/")))
                .containsExactly(".N/0117814872002", ".N/0117814875001", ".N/0117999999001",
                        ".N/0118000000001", ".N/0220000000999", ".N/0220000999001");
        assertThat(BsmParser.parse(text, TODAY).messages().get(0).tags()).isEqualTo(tags);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "tr", "fr", "ja"})
    void writesEnglishMonthsWhateverTheJvmLocale(String language) {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(language));
            BsmMessage m = new BsmMessage(Action.ADD, null, "OSL", 'L', null,
                    new FlightLeg("SK4416", LocalDate.of(2026, 5, 3), "TOS", null), null,
                    List.of("0117814872"), null, null, null, null, null, null, null, null, 0);

            assertThat(BsmWriter.write(m)).contains(".F/SK4416/03MAY/TOS\n");
        } finally {
            Locale.setDefault(before);
        }
    }

    static Stream<String> texts() {
        return Stream.of(
                BsmParserTest.ACI_DATA_DICTIONARY_EXAMPLE,
                BsmParserTest.JMAYER_README_EXAMPLE,
                BsmParserTest.AVINOR_TRANSFER_ROUTE,
                BsmParserTest.CHANGE,
                BsmParserTest.DELETE,
                "BSM\n.V/1XBGO\n.I/SK1/04FEB//C\n.F/SK4416/05FEB/TOS\n.N/0117814872001\n.W/K//12\n.B/OFF\nENDBSM",
                "BSM\n.V/1LOSL\n.F/WN0012/02JAN/DAL\n.N/0117814872002\n.W/L/2/50\n.P/2JONES/JOHNMR/MARYMRS\nENDBSM");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void parsedMessagesSurviveWriteAndParse(String text) {
        BsmMessage parsed = BsmParser.parse(text, TODAY).messages().get(0);

        BsmParseResult again = BsmParser.parse(BsmWriter.write(parsed), TODAY);

        assertThat(again.ok()).isTrue();
        assertThat(withoutOrigin(again.messages().get(0))).isEqualTo(withoutOrigin(parsed));
    }

    static Stream<BsmMessage> builtMessages() {
        return Stream.of(fullMessage(), withPiecesAndWeight(3, null), withPiecesAndWeight(null, 12),
                withPiecesAndWeight(1, 23));
    }

    @ParameterizedTest
    @MethodSource("builtMessages")
    void builtMessagesSurviveWriteAndParse(BsmMessage built) {
        BsmParseResult result = BsmParser.parse(BsmWriter.write(built), TODAY);

        assertThat(result.ok()).isTrue();
        assertThat(withoutOrigin(result.messages().get(0))).isEqualTo(built);
    }

    @Test
    void refusesToBuildMessagesThatCouldNotBeWrittenValidly() {
        FlightLeg outbound = new FlightLeg("SK4416", LocalDate.of(2026, 2, 5), "TOS", null);
        List<String> tag = List.of("0117814872");

        assertThatThrownBy(() -> new BsmMessage(Action.ADD, null, "OSL", 'L', null, null, null,
                tag, null, null, null, null, null, null, null, null, 0))
                .hasMessageContaining("outbound flight is required for ADD");
        assertThatThrownBy(() -> new BsmMessage(Action.ADD, null, "OSL", 'L', null, outbound, null,
                List.of(), null, null, null, null, null, null, null, null, 0))
                .hasMessageContaining("at least one tag");
        assertThatThrownBy(() -> new BsmMessage(Action.ADD, "1LBGO", "OSL", 'L', null, outbound, null,
                tag, null, null, null, null, null, null, null, null, 0))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> new BsmMessage(Action.ADD, null, "OSL", 'R', null, outbound, null,
                tag, null, null, null, null, null, null, null, null, 0))
                .hasMessageContaining("sourceIndicator must be L, T or X");
    }

    private static BsmMessage withPiecesAndWeight(Integer pieces, Integer weightKg) {
        return new BsmMessage(Action.CHG, null, "OSL", 'L', null,
                new FlightLeg("SK4416", LocalDate.of(2026, 2, 5), "TOS", 'C'), null,
                List.of("0117814872"), pieces, weightKg, "HANSEN", List.of(), null, null, null, null, 0);
    }

    private static BsmMessage withoutOrigin(BsmMessage m) {
        return new BsmMessage(m.action(), m.versionAndSource(), m.sourceStation(), m.sourceIndicator(),
                m.inbound(), m.outbound(), m.onward(), m.tags(), m.pieces(), m.weightKg(),
                m.passengerSurname(), m.passengerGivenNames(), m.pnr(), m.exceptions(), m.irregularities(),
                null, 0);
    }
}
