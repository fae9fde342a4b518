package com.paxcare.baggage;

import com.paxcare.baggage.BsmMessage.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

public class BsmParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 20);

    /**
     * Published in the ACI Airport Data Dictionary, term BagTeletypeMessage / IataBagInformationMessage:
     * https://aci-standards.atlassian.net/wiki/spaces/ACIDD/pages/17696054/BagTeletypeMessage and
     * https://xwiki.avinor.no/display/ACIDD/IataBagInformationMessage (names anonymised there as X).
     */
    public static final String ACI_DATA_DICTIONARY_EXAMPLE = """
            BSM
            .V/1LOSL
            .F/SK4416/05FEB/TOS/C
            .N/0117814872001
            .S/N/05A/C/051/051//N/I
            .W/P/1
            .P/XXXXXXXX/XXXXXXX
            .E/PRIO
            ENDBSM""";

    /**
     * Published in the README of https://github.com/jmayer913/JMayer-Example-WindowsService ("BSM Format").
     * Note the explicit ADD line and .V/ written last: not RP 1745 style, but seen in the wild and accepted.
     */
    public static final String JMAYER_README_EXAMPLE = """
            BSM
            ADD
            .F/AA0001/09FEB/LBB/T
            .N/0001000004001
            .P/1TEST/PASSENGER4
            .V/1LMCO
            ENDBSM""";

    /**
     * The transfer route TRD -> OSL -> BGO -> KRS of the Avinor BIM-to-Airport-Data-Dictionary mapping
     * (https://xwiki.avinor.no/pages/viewpage.action?pageId=49219313): .I/SK001/../TRD, .V/1TOSL, .F/SK002/../BGO,
     * .O/SK003/../KRS. That page elides dates, tag and class; those values are ours.
     */
    static final String AVINOR_TRANSFER_ROUTE = """
            BSM
            .V/1TOSL
            .I/SK001/05FEB/TRD
            .F/SK002/05FEB/BGO/Y
            .O/SK003/05FEB/KRS
            .N/0117814872002
            ENDBSM""";

    /** The BPM example published next to the BSM one in the ACI Airport Data Dictionary (same pages). */
    static final String ACI_DATA_DICTIONARY_BPM = """
            BPM
            .V/1LOSL
            .J/S/BGFUSION/CI621/05FEB/1059L/LB9/LB9
            .F/SK4416/05FEB/TOS
            .N/0117814872001
            .R/DIVERTEDOK
            .X//CLR///HBS302/HBSLEVEL1
            ENDBPM""";

    static final String CHANGE = """
            BSM
            CHG
            .V/1LOSL
            .F/SK4418/05FEB/TOS/C
            .N/0117814872001
            .W/K/1/23
            .P/1HANSEN/KARIMRS
            .L/X7QK2P
            ENDBSM""";

    static final String DELETE = """
            BSM
            DEL
            .V/1LOSL
            .N/0117814872001
            ENDBSM""";

    @Test
    void parsesTheAciDataDictionaryExample() {
        BsmMessage m = only(BsmParser.parse(ACI_DATA_DICTIONARY_EXAMPLE, TODAY));

        assertThat(m.action()).isEqualTo(Action.ADD);
        assertThat(m.versionAndSource()).isEqualTo("1LOSL");
        assertThat(m.sourceStation()).isEqualTo("OSL");
        assertThat(m.sourceIndicator()).isEqualTo('L');
        assertThat(m.inbound()).isNull();
        assertThat(m.outbound()).isEqualTo(new FlightLeg("SK4416", LocalDate.of(2026, 2, 5), "TOS", 'C'));
        assertThat(m.onward()).isEmpty();
        assertThat(m.tags()).containsExactly("0117814872");
        assertThat(m.pieces()).isEqualTo(1);
        assertThat(m.weightKg()).isNull();
        assertThat(m.passengerSurname()).isEqualTo("XXXXXXXX");
        assertThat(m.passengerGivenNames()).containsExactly("XXXXXXX");
        assertThat(m.pnr()).isNull();
        assertThat(m.exceptions()).containsExactly("PRIO");
        assertThat(m.irregularities()).isEmpty();
        assertThat(m.text()).isEqualTo(ACI_DATA_DICTIONARY_EXAMPLE);
        assertThat(m.firstLine()).isEqualTo(1);
    }

    @Test
    void parsesTheJMayerReadmeExample() {
        BsmMessage m = only(BsmParser.parse(JMAYER_README_EXAMPLE, TODAY));

        assertThat(m.action()).isEqualTo(Action.ADD);
        assertThat(m.versionAndSource()).isEqualTo("1LMCO");
        assertThat(m.sourceStation()).isEqualTo("MCO");
        assertThat(m.outbound()).isEqualTo(new FlightLeg("AA1", LocalDate.of(2026, 2, 9), "LBB", 'T'));
        assertThat(m.tags()).containsExactly("0001000004");
        assertThat(m.passengerSurname()).isEqualTo("TEST");
        assertThat(m.passengerGivenNames()).containsExactly("PASSENGER4");
        assertThat(m.pieces()).isNull();
    }

    @Test
    void parsesTheAvinorTransferRoute() {
        BsmMessage m = only(BsmParser.parse(AVINOR_TRANSFER_ROUTE, TODAY));

        assertThat(m.sourceIndicator()).isEqualTo('T');
        assertThat(m.sourceStation()).isEqualTo("OSL");
        LocalDate feb5 = LocalDate.of(2026, 2, 5);
        assertThat(m.inbound()).isEqualTo(new FlightLeg("SK1", feb5, "TRD", null));
        assertThat(m.outbound()).isEqualTo(new FlightLeg("SK2", feb5, "BGO", 'Y'));
        assertThat(m.onward()).containsExactly(new FlightLeg("SK3", feb5, "KRS", null));
        assertThat(m.tags()).containsExactly("0117814872", "0117814873");
    }

    @Test
    void doesNotTakeThePublishedBpmForABsm() {
        BsmParseResult result = BsmParser.parse(ACI_DATA_DICTIONARY_BPM, TODAY);

        assertThat(result.messages()).isEmpty();
        assertThat(result.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.reason()).contains("outside any BSM").contains("BPM");
        });
    }

    @Test
    void parsesAChange() {
        BsmMessage m = only(BsmParser.parse(CHANGE, TODAY));

        assertThat(m.action()).isEqualTo(Action.CHG);
        assertThat(m.outbound().flight()).isEqualTo("SK4418");
        assertThat(m.pieces()).isEqualTo(1);
        assertThat(m.weightKg()).isEqualTo(23);
        assertThat(m.passengerSurname()).isEqualTo("HANSEN");
        assertThat(m.passengerGivenNames()).containsExactly("KARIMRS");
        assertThat(m.pnr()).isEqualTo("X7QK2P");
    }

    @Test
    void parsesADeleteWhichNeedsNoOutboundFlight() {
        BsmMessage m = only(BsmParser.parse(DELETE, TODAY));

        assertThat(m.action()).isEqualTo(Action.DEL);
        assertThat(m.outbound()).isNull();
        assertThat(m.tags()).containsExactly("0117814872");
    }

    @Test
    void expandsTheCountOfConsecutiveTagsAndJoinsSeveralTagElements() {
        BsmMessage m = only(BsmParser.parse("""
                BSM
                .V/1LOSL
                .F/SK4416/05FEB/TOS
                .N/0117814872003
                .N/0220999998002
                ENDBSM""", TODAY));

        assertThat(m.tags()).containsExactly(
                "0117814872", "0117814873", "0117814874", "0220999998", "0220999999");
    }

    @ParameterizedTest(name = ".W/{0} -> pieces {1}, kg {2}")
    @CsvSource(nullValues = "null", value = {
            "K/2/36,    2,    36",
            "P/1,       1,    null",
            "L/1/50,    1,    23",   // pounds converted: 50 lb = 22.7 kg
            "K//12,     null, 12",
            "K/1/20/CM, 1,    20",   // further optional parts (dimensions...) are not used
    })
    void readsPiecesAndWeight(String value, Integer pieces, Integer weightKg) {
        BsmMessage m = only(BsmParser.parse(
                "BSM\n.V/1LOSL\n.F/SK4416/05FEB/TOS\n.N/0117814872001\n.W/" + value + "\nENDBSM", TODAY));

        assertThat(m.pieces()).isEqualTo(pieces);
        assertThat(m.weightKg()).isEqualTo(weightKg);
    }

    @ParameterizedTest(name = ".P/{0}")
    @CsvSource(delimiter = ';', value = {
            "1UHLE/PEGGYMRS;             UHLE;      PEGGYMRS",
            "2JONES/JOHNMR/MARYMRS;      JONES;     JOHNMR,MARYMRS",
            "SMITH;                      SMITH;     ''",
            "VAN DER BERG/ANNA MARIE MS; VAN DER BERG; ANNA MARIE MS",
    })
    void readsThePassengerName(String value, String surname, String givenNames) {
        BsmMessage m = only(BsmParser.parse(
                "BSM\n.V/1LOSL\n.F/SK4416/05FEB/TOS\n.N/0117814872001\n.P/" + value + "\nENDBSM", TODAY));

        assertThat(m.passengerSurname()).isEqualTo(surname);
        assertThat(m.passengerGivenNames())
                .isEqualTo(givenNames.isEmpty() ? List.of() : List.of(givenNames.split(",")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SK4416,  SK4416",
            "WN0012,  WN12",
            "9W0123A, 9W123A",
            "U2123,   U2123",
            "BA0001,  BA1",
    })
    void normalisesTheFlightDesignator(String sent, String normalised) {
        BsmMessage m = only(BsmParser.parse(
                "BSM\n.V/1LOSL\n.F/" + sent + "/05FEB/TOS\n.N/0117814872001\nENDBSM", TODAY));

        assertThat(m.outbound().flight()).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{1} read on {0} is {2}")
    @CsvSource({
            "2026-12-30, 02JAN, 2027-01-02",
            "2027-01-03, 28DEC, 2026-12-28",
            "2026-06-15, 05FEB, 2026-02-05",
            "2026-06-15, 05NOV, 2026-11-05",
            "2027-06-01, 29FEB, 2028-02-29",   // the only leap day within a year of today
            "2026-01-20, 20JAN, 2026-01-20",
    })
    void givesTheDateTheYearNearestToToday(LocalDate today, String ddMmm, LocalDate expected) {
        BsmMessage m = only(BsmParser.parse(
                "BSM\n.V/1LOSL\n.F/SK4416/" + ddMmm + "/TOS\n.N/0117814872001\nENDBSM", today));

        assertThat(m.outbound().date()).isEqualTo(expected);
    }

    @Test
    void skipsElementsItDoesNotUse() {
        BsmMessage m = only(BsmParser.parse("""
                BSM
                .V/1LOSL/PART1
                .F/SK4416/05FEB/TOS/C
                .U/AKE12345SK/OSL
                .N/0117814872001
                .X/SCREENED
                .S/Y/12A/C/051
                .B/OFF/0117814872001
                ENDBSM""", TODAY));

        assertThat(m.versionAndSource()).isEqualTo("1LOSL/PART1");
        assertThat(m.sourceStation()).isEqualTo("OSL");
        assertThat(m.tags()).containsExactly("0117814872");
        assertThat(m.irregularities()).containsExactly("OFF");
        assertThat(m.exceptions()).isEmpty();
    }

    @Test
    void toleratesCrLfBlankLinesAndSurroundingWhitespace() {
        String text = "\r\n  \r\n  BSM  \r\n.V/1LOSL\r\n.F/SK4416/05FEB/TOS/C \r\n.N/0117814872001\r\nENDBSM\r\n"
                + "\r\n\r\n"
                + "BSM\r\nDEL\r\n.V/1LOSL\r\n.N/0117814873001\r\nENDBSM\r\n  ";

        BsmParseResult result = BsmParser.parse(text, TODAY);

        assertThat(result.ok()).isTrue();
        assertThat(result.messages()).extracting(BsmMessage::firstLine).containsExactly(3, 10);
        assertThat(result.messages()).extracting(BsmMessage::action).containsExactly(Action.ADD, Action.DEL);
        assertThat(result.messages().get(0).text())
                .isEqualTo("BSM\n.V/1LOSL\n.F/SK4416/05FEB/TOS/C\n.N/0117814872001\nENDBSM");
        assertThat(result.messages().get(1).tags()).containsExactly("0117814873");
    }

    static Stream<Arguments> rejectedMessages() {
        return Stream.of(
                Arguments.of("tag too short", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872
                        ENDBSM""", 4, ".N/ tag must be 10 digits followed by a 3-digit count"),
                Arguments.of("tag count 000", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872000
                        ENDBSM""", 4, ".N/ count of consecutive tags must be 001 to 999"),
                Arguments.of("tag run past the serial", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117999999002
                        ENDBSM""", 4, ".N/ 2 consecutive tags from 0117999999 run past"),
                Arguments.of("impossible date", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/31FEB/TOS
                        .N/0117814872001
                        ENDBSM""", 3, ".F/ date '31FEB' does not exist"),
                Arguments.of("unknown month", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEX/TOS
                        .N/0117814872001
                        ENDBSM""", 3, ".F/ date '05FEX' has an unknown month"),
                Arguments.of("bad flight", """
                        BSM
                        .V/1LOSL
                        .F/SK44167/05FEB/TOS
                        .N/0117814872001
                        ENDBSM""", 3, ".F/ flight 'SK44167' must be a 2-character airline code"),
                Arguments.of("no destination", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB
                        .N/0117814872001
                        ENDBSM""", 3, ".F/ must give the 3-letter destination airport"),
                Arguments.of("bad onward airport", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .O/SK4417/05FEB/TR
                        .N/0117814872001
                        ENDBSM""", 4, ".O/ airport 'TR' must be 3 letters"),
                Arguments.of("bad inbound class", """
                        BSM
                        .V/1TOSL
                        .I/SK1/05FEB/TRD/CC
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        ENDBSM""", 3, ".I/ class 'CC' must be one letter"),
                Arguments.of("bad source indicator", """
                        BSM
                        .V/1QOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        ENDBSM""", 2, ".V/ must be a version digit, a source indicator L, T or X"),
                Arguments.of("bad weight", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        .W/K/TWO/36
                        ENDBSM""", 5, ".W/ must be K/pieces/weight"),
                Arguments.of("pieces-only weight without pieces", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        .W/P/
                        ENDBSM""", 5, ".W/ must be K/pieces/weight"),
                Arguments.of("empty given name", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        .P/SMITH//JOHN
                        ENDBSM""", 5, ".P/ must be an optional count, a surname and /given names"),
                Arguments.of("bad record locator", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        .L/AB-12
                        ENDBSM""", 5, ".L/ record locator must be 5 to 8 letters or digits"),
                Arguments.of("empty exception", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        .E/
                        ENDBSM""", 5, ".E/ exception code must be 2 to 8 letters or digits"),
                Arguments.of("bad irregularity", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        .B/OFFLOADED
                        ENDBSM""", 5, ".B/ irregularity must be a 3-letter code"),
                Arguments.of("lower-case element code", """
                        BSM
                        .V/1LOSL
                        .f/SK4416/05FEB/TOS
                        .N/0117814872001
                        ENDBSM""", 3, "element code .f/ must be upper case (.F/)"),
                Arguments.of("not an element", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        0117814872001
                        ENDBSM""", 4, "line is not an RP 1745 element"),
                Arguments.of("CHG not first", """
                        BSM
                        .V/1LOSL
                        CHG
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        ENDBSM""", 3, "CHG must be the first line after BSM"),
                Arguments.of("two outbound flights", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .F/SK4418/05FEB/TOS
                        .N/0117814872001
                        ENDBSM""", 4, ".F/ element appears more than once"),
                Arguments.of("missing .V/", """
                        BSM
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        ENDBSM""", 1, "BSM has no .V/ element"),
                Arguments.of("missing .N/", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        ENDBSM""", 1, "BSM has no .N/ element"),
                Arguments.of("missing .F/ on ADD", """
                        BSM
                        .V/1LOSL
                        .N/0117814872001
                        ENDBSM""", 1, "BSM has no .F/ element (outbound flight), required unless DEL"),
                Arguments.of("missing .F/ on CHG", """
                        BSM
                        CHG
                        .V/1LOSL
                        .N/0117814872001
                        ENDBSM""", 1, "BSM has no .F/ element"),
                Arguments.of("no ENDBSM", """
                        BSM
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001""", 1, "BSM has no closing ENDBSM"),
                Arguments.of("lower-case BSM", """
                        bsm
                        .V/1LOSL
                        .F/SK4416/05FEB/TOS
                        .N/0117814872001
                        endbsm""", 1, "text outside any BSM ... ENDBSM message: 'bsm'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedMessages")
    void rejectsWithTheLineAndAReasonNamingTheElement(String why, String text, int line, String reason) {
        BsmParseResult result = BsmParser.parse(text, TODAY);

        assertThat(result.ok()).isFalse();
        assertThat(result.messages()).isEmpty();
        assertThat(result.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(line);
            assertThat(r.reason()).contains(reason);
        });
    }

    @Test
    void parsesTheGoodMessagesAroundABadOne() {
        String text = ACI_DATA_DICTIONARY_EXAMPLE + "\n\n" + """
                BSM
                .V/1LOSL
                .F/SK4416/05FEB/TOS
                .N/01178148720
                ENDBSM
                """ + CHANGE;

        BsmParseResult result = BsmParser.parse(text, TODAY);

        assertThat(result.ok()).isFalse();
        assertThat(result.messages()).extracting(BsmMessage::firstLine).containsExactly(1, 16);
        assertThat(result.messages()).extracting(BsmMessage::action).containsExactly(Action.ADD, Action.CHG);
        assertThat(result.rejections()).containsExactly(new BsmRejection(14,
                ".N/ tag must be 10 digits followed by a 3-digit count, got '01178148720'"));
    }

    @Test
    void rejectsABsmCutShortByTheNextOneAndKeepsTheNext() {
        String text = """
                BSM
                .V/1LOSL
                .F/SK4416/05FEB/TOS
                """ + DELETE;

        BsmParseResult result = BsmParser.parse(text, TODAY);

        assertThat(result.rejections()).containsExactly(
                new BsmRejection(1, "BSM has no ENDBSM before the next BSM at line 4"));
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.firstLine()).isEqualTo(4);
            assertThat(m.action()).isEqualTo(Action.DEL);
        });
    }

    @Test
    void rejectsTextOutsideAMessageButStillParsesTheMessage() {
        String text = "QU OSLKKSK\n" + DELETE;

        BsmParseResult result = BsmParser.parse(text, TODAY);

        assertThat(result.rejections()).containsExactly(
                new BsmRejection(1, "text outside any BSM ... ENDBSM message: 'QU OSLKKSK'"));
        assertThat(result.messages()).singleElement().extracting(BsmMessage::firstLine).isEqualTo(2);
    }

    @Test
    void reportsARunOfStrayLinesOnce() {
        String text = "QU OSLKKSK\n.OSLKOSK 051200\n\nBSM\n.V/1LOSL\n.N/0117814872001\n.F/SK1/05FEB/TOS\nENDBSM\nNNNN";

        BsmParseResult result = BsmParser.parse(text, TODAY);

        assertThat(result.messages()).hasSize(1);
        assertThat(result.rejections()).extracting(BsmRejection::line).containsExactly(1, 9);
    }

    @Test
    void emptyTextHasNothingToReject() {
        BsmParseResult result = BsmParser.parse(" \n\r\n", TODAY);

        assertThat(result.ok()).isTrue();
        assertThat(result.messages()).isEmpty();
    }

    private static BsmMessage only(BsmParseResult result) {
        assertThat(result.rejections()).isEmpty();
        assertThat(result.messages()).hasSize(1);
        return result.messages().get(0);
    }
}
