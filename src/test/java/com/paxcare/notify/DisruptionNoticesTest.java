package com.paxcare.notify;

import com.paxcare.notify.DisruptionNoticeFacts.Outcome;
import com.paxcare.notify.DisruptionNoticeFacts.Rights;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisruptionNoticesTest {

    static final ZoneOffset CHICAGO = ZoneOffset.ofHours(-6);
    static final ZoneOffset DENVER = ZoneOffset.ofHours(-7);
    static final ZoneOffset SAN_FRANCISCO = ZoneOffset.ofHours(-8);

    static final List<String> KINDS =
            List.of("FLIGHT_CANCELLED", "FLIGHT_DELAYED", "FLIGHT_DIVERTED", "MISSED_CONNECTION");

    /** 23 Nov 2026 is a Monday. */
    static OffsetDateTime at(int day, int hour, int minute, ZoneOffset offset) {
        return OffsetDateTime.of(2026, 11, day, hour, minute, 0, 0, offset);
    }

    static final FlightLine WN2001 =
            new FlightLine("WN2001", "MDW", "DEN", at(23, 18, 30, CHICAGO), at(23, 20, 10, DENVER), "Economy");

    static final List<FlightLine> TWO_LEGS = List.of(
            new FlightLine("WN2001", "MDW", "SFO", at(23, 18, 30, CHICAGO), at(23, 20, 40, SAN_FRANCISCO), "Economy"),
            new FlightLine("WN3002", "SFO", "DEN", at(23, 22, 15, SAN_FRANCISCO), at(24, 1, 40, DENVER), "Economy"));

    static final Rights EU = new Rights("EU261", true, "MV7731", "15.00", "EUR", true, true, true, 400, "EUR");

    static final Rights EVERYTHING =
            new Rights("EU261+US_DOT", true, "MV7731XYZ", "15.00", "USD", true, true, true, 600, "EUR");

    static DisruptionNoticeFacts facts(String kind, Outcome outcome, String first, List<FlightLine> flights,
                                       List<String> bagTags, Rights rights) {
        return new DisruptionNoticeFacts(kind, first, "Uhle", "WN1234", "MDW", "DEN", at(23, 14, 5, CHICAGO),
                kind.equals("FLIGHT_DELAYED") ? at(23, 18, 30, CHICAGO) : null,
                kind.equals("FLIGHT_DIVERTED") ? "COS" : null,
                "DEN", outcome, flights, "12C",
                outcome == Outcome.WAITLISTED ? 3 : null,
                outcome == Outcome.WAITLISTED ? at(23, 18, 0, CHICAGO) : null,
                bagTags, rights, "PC-1A2B3C4D");
    }

    /** Anna, one new flight, one bag, EU261 with everything. */
    static DisruptionNoticeFacts anna(String kind, Outcome outcome) {
        return facts(kind, outcome, "Anna", List.of(WN2001), List.of("0989100001"), EU);
    }

    /** Long name, two legs, five bags, every right under two rules. */
    static DisruptionNoticeFacts worst(String kind, Outcome outcome) {
        return facts(kind, outcome, "Maximiliana-Esperanza", TWO_LEGS,
                List.of("0989100001", "0989100002", "0989100003", "0989100004", "0989100005"), EVERYTHING);
    }

    static final DisruptionNoticeFacts CANCELLED = anna("FLIGHT_CANCELLED", Outcome.REBOOKED);

    static Message render(DisruptionNoticeFacts facts, Channel channel, String language) {
        return DisruptionNotices.render(facts, channel, language);
    }

    static Stream<Arguments> everyKindOutcomeLanguageChannel() {
        List<Arguments> all = new ArrayList<>();
        for (String kind : KINDS) {
            for (Outcome outcome : Outcome.values()) {
                for (String language : List.of("en", "es")) {
                    for (Channel channel : Channel.values()) {
                        all.add(Arguments.of(kind, outcome, language, channel));
                    }
                }
            }
        }
        return all.stream();
    }

    static Stream<Arguments> everyKindOutcomeLanguage() {
        return everyKindOutcomeLanguageChannel().filter(a -> a.get()[3] == Channel.SMS)
                .map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2]));
    }

    @Nested
    class EveryCase {
        @ParameterizedTest(name = "{0} {1} {2} {3}")
        @MethodSource("com.paxcare.notify.DisruptionNoticesTest#everyKindOutcomeLanguageChannel")
        void says_what_happened_what_we_did_no_charge_and_the_reference(
                String kind, Outcome outcome, String language, Channel channel) {
            boolean es = language.equals("es");
            Message message = render(anna(kind, outcome), channel, language);
            String body = message.body();

            assertThat(body).contains("WN1234", es ? "lun 23 nov 14:05" : "Mon 23 Nov 14:05");
            switch (kind) {
                case "FLIGHT_CANCELLED" -> assertThat(body).contains(es ? "ha sido cancelado" : "is cancelled");
                case "FLIGHT_DELAYED" -> assertThat(body)
                        .contains(es ? "se ha retrasado hasta las 18:30" : "is delayed to 18:30");
                case "FLIGHT_DIVERTED" -> assertThat(body).contains(es ? "ha sido desviado a COS" : "diverted to COS");
                default -> assertThat(body)
                        .contains(es ? "perdido su vuelo de conexión WN1234" : "missed your connecting flight WN1234");
            }
            switch (outcome) {
                case REBOOKED -> assertThat(body)
                        .contains("WN2001", es ? "lun 23 nov 18:30" : "Mon 23 Nov 18:30", "20:10", "12C");
                case KEPT_FLIGHT -> assertThat(body)
                        .contains(es ? "Conserva su asiento en el vuelo WN1234" : "You keep your seat on flight WN1234")
                        .contains("12C")
                        .doesNotContain("WN2001");
                case WAITLISTED -> assertThat(body)
                        // Spanish SMS may use the short form "número 3 en lista de espera para DEN"
                        .contains(es ? "número 3 en " : "you are number 3 on the waitlist for DEN")
                        .contains(es ? "lista de espera para DEN" : "our care desk will call you by")
                        .contains(es ? "a más tardar" : "by", "18:00")
                        .doesNotContain("WN2001", "12C");
            }
            if (kind.equals("FLIGHT_DELAYED") && outcome == Outcome.KEPT_FLIGHT) {
                assertThat(body).contains(es ? "que ahora sale" : "now leaving");
            }
            assertThat(body)
                    .contains(es ? "Sin cargo" : "No charge")
                    .contains(es ? "Ref. PC-1A2B3C4D" : "Ref PC-1A2B3C4D")
                    .contains(es ? "400 EUR" : "EUR 400", es ? "15.00 EUR" : "EUR 15.00")
                    .contains("261/2004", es ? "compensación" : "compensation")
                    .containsIgnoringCase(es ? "reembolso" : "refund")
                    .doesNotContain("null");
            if (es) {
                assertThat(body).doesNotContain("Mon 23", "No charge", "refund", "Seat");
            } else {
                assertThat(body).doesNotContain("lun 23", "Sin cargo", "reembolso", "Asiento");
            }

            if (channel == Channel.SMS) {
                assertThat(message.subject()).isNull();
                assertThat(body.length()).isLessThanOrEqualTo(Confirmations.SMS_MAX_CHARS);
                assertThat(body).endsWith(es ? "Ref. PC-1A2B3C4D" : "Ref PC-1A2B3C4D");
            } else {
                assertThat(message.subject()).contains("WN1234").doesNotContain("null");
                assertThat(body)
                        .startsWith(es ? "Estimado/a Anna Uhle:\n\n" : "Dear Anna Uhle,\n\n")
                        .contains(es ? "Reglamento (CE) 261/2004" : "EU Regulation 261/2004")
                        .contains(es ? "Atención al Pasajero" : "Passenger Care");
            }
        }

        @Test
        void subjects_say_what_happened_and_what_we_did() {
            assertThat(render(CANCELLED, Channel.EMAIL, "en").subject())
                    .isEqualTo("Your flight WN1234 is cancelled: new flight WN2001 to DEN");
            assertThat(render(CANCELLED, Channel.EMAIL, "es").subject())
                    .isEqualTo("Su vuelo WN1234 está cancelado: nuevo vuelo WN2001 a DEN");
            assertThat(render(worst("MISSED_CONNECTION", Outcome.REBOOKED), Channel.EMAIL, "en").subject())
                    .isEqualTo("You missed your connection WN1234: new flights WN2001, WN3002 to DEN");
            assertThat(render(anna("FLIGHT_DELAYED", Outcome.KEPT_FLIGHT), Channel.EMAIL, "en").subject())
                    .isEqualTo("Your flight WN1234 is delayed to 18:30: you keep your seat");
            assertThat(render(anna("FLIGHT_DIVERTED", Outcome.WAITLISTED), Channel.EMAIL, "en").subject())
                    .isEqualTo("Your flight WN1234 is diverted to COS: you are number 3 on the waitlist for DEN");
            assertThat(render(anna("FLIGHT_DIVERTED", Outcome.WAITLISTED), Channel.EMAIL, "es").subject())
                    .isEqualTo("Su vuelo WN1234 ha sido desviado a COS: es el número 3 en la lista de espera para DEN");
        }
    }

    @Nested
    class Sms {
        @Test
        void english_reads_as_a_whole() {
            DisruptionNoticeFacts plain = facts("FLIGHT_CANCELLED", Outcome.REBOOKED, "Anna", List.of(WN2001),
                    List.of("0989100001"), Rights.NONE);

            assertThat(render(plain, Channel.SMS, "en").body()).isEqualTo(
                    "Anna, we are sorry: your flight WN1234 MDW-DEN on Mon 23 Nov 14:05 is cancelled. "
                    + "New flight WN2001 MDW-DEN Mon 23 Nov 18:30, arrives 20:10. Seat 12C. "
                    + "Your bag (tag 0989100001) follows you to DEN. "
                    + "No charge: this change costs you nothing. Ref PC-1A2B3C4D");
        }

        @Test
        void spanish_reads_as_a_whole() {
            DisruptionNoticeFacts plain = facts("FLIGHT_CANCELLED", Outcome.REBOOKED, "Anna", List.of(WN2001),
                    List.of("0989100001"), Rights.NONE);

            assertThat(render(plain, Channel.SMS, "es").body()).isEqualTo(
                    "Anna, lo sentimos: su vuelo WN1234 MDW-DEN del lun 23 nov 14:05 ha sido cancelado. "
                    + "Nuevo vuelo WN2001 MDW-DEN lun 23 nov 18:30, llega 20:10. Asiento 12C. "
                    + "Su maleta (etiqueta 0989100001) le sigue hasta DEN. "
                    + "Sin cargo: este cambio no le cuesta nada. Ref. PC-1A2B3C4D");
        }

        @Test
        void waitlisted_never_goes_silent_about_what_happens_next() {
            DisruptionNoticeFacts waitlisted = facts("FLIGHT_CANCELLED", Outcome.WAITLISTED, "Anna", null, null,
                    Rights.NONE);

            assertThat(render(waitlisted, Channel.SMS, "en").body()).isEqualTo(
                    "Anna, we are sorry: your flight WN1234 MDW-DEN on Mon 23 Nov 14:05 is cancelled. "
                    + "No seat within reach yet: you are number 3 on the waitlist for DEN. "
                    + "We will message you as soon as a seat is yours; our care desk will call you by 18:00. "
                    + "No charge: your new booking will cost you nothing. Ref PC-1A2B3C4D");
            assertThat(render(waitlisted, Channel.SMS, "es").body())
                    .contains("Aún no hay un asiento a su alcance: es el número 3 en la lista de espera para DEN.")
                    .contains("Le escribiremos en cuanto tenga un asiento; nuestro equipo de atención le llamará "
                              + "a más tardar a las 18:00.")
                    .contains("Sin cargo");
        }

        @Test
        void english_sms_is_ascii() {
            for (String kind : KINDS) {
                for (Outcome outcome : Outcome.values()) {
                    assertThat(render(worst(kind, outcome), Channel.SMS, "en").body().chars())
                            .allMatch(c -> c < 128);
                    assertThat(render(anna(kind, outcome), Channel.SMS, "en").body().chars())
                            .allMatch(c -> c < 128);
                }
            }
        }

        @Test
        void two_legs_show_both_flights_and_the_final_arrival() {
            String body = render(facts("FLIGHT_CANCELLED", Outcome.REBOOKED, "Anna", TWO_LEGS, null, Rights.NONE),
                    Channel.SMS, "en").body();
            assertThat(body).contains(
                    "New flights: WN2001 MDW-SFO Mon 23 Nov 18:30; WN3002 SFO-DEN 22:15; arrives DEN Tue 24 Nov 01:40.");
        }
    }

    @Nested
    class SmsLength {
        @ParameterizedTest(name = "{0} {1} {2}")
        @MethodSource("com.paxcare.notify.DisruptionNoticesTest#everyKindOutcomeLanguage")
        void worst_case_fits_480_and_keeps_the_flight_facts_no_charge_and_the_reference(
                String kind, Outcome outcome, String language) {
            boolean es = language.equals("es");
            String body = render(worst(kind, outcome), Channel.SMS, language).body();

            assertThat(body.length()).isLessThanOrEqualTo(Confirmations.SMS_MAX_CHARS);
            assertThat(body)
                    .contains("WN1234", es ? "lun 23 nov 14:05" : "Mon 23 Nov 14:05")
                    .contains(es ? "Sin cargo" : "No charge")
                    .endsWith(es ? "Ref. PC-1A2B3C4D" : "Ref PC-1A2B3C4D");
            switch (outcome) {
                case REBOOKED -> assertThat(body)
                        .contains("WN2001 MDW-SFO " + (es ? "lun 23 nov 18:30" : "Mon 23 Nov 18:30"))
                        .contains("WN3002 SFO-DEN 22:15");
                case KEPT_FLIGHT -> assertThat(body)
                        .contains(es ? "Conserva su asiento en el vuelo WN1234" : "keep your seat on flight WN1234")
                        .contains("12C");
                case WAITLISTED -> assertThat(body)
                        .contains(es ? "número 3 en lista de espera" : "number 3 on the waitlist", "18:00");
            }
            // the less important parts were shortened, not everything dropped
            assertThat(body)
                    .contains(es ? "5 maletas" : "5 bags")
                    .contains(es ? "15.00 USD" : "USD 15.00", es ? "600 EUR" : "EUR 600")
                    .contains("art. 8", "14 CFR 260", "art. 7")
                    .contains(es ? "Regl. 261/2004" : "EU261");
        }

        @Test
        void details_are_shed_in_order_only_when_needed() {
            DisruptionNoticeFacts roomy = facts("FLIGHT_DELAYED", Outcome.KEPT_FLIGHT, "Anna", null,
                    List.of("0989100001", "0989100002"),
                    new Rights("EU261", true, "MV7731", "15.00", "EUR", true, true, false, 0, null));
            assertThat(render(roomy, Channel.SMS, "en").body())
                    .contains("Anna, we are sorry:")
                    .contains("Your bags (tags 0989100001, 0989100002) follow you to DEN.")
                    .contains("Under EU Regulation 261/2004 you get: a meal voucher (EUR 15.00, code MV7731); "
                              + "a hotel room and transport to it; two calls or e-mails.");

            String tight = render(worst("FLIGHT_CANCELLED", Outcome.REBOOKED), Channel.SMS, "en").body();
            assertThat(tight)
                    .doesNotContain("two calls or e-mails")            // 1. communication
                    .doesNotContain("0989100001")                      // 2. tag list ...
                    .contains("Your 5 bags follow you to DEN.")        //    ... but not the count
                    .contains("hotel + transport")                     // 3. hotel wording shortened
                    .doesNotContain("MV7731XYZ")                       // 4. voucher code
                    .contains("a meal voucher (USD 15.00)");
        }

        @Test
        void absurdly_long_values_are_still_cut_to_480_with_no_charge_and_the_reference_kept() {
            String huge = "X".repeat(700);
            DisruptionNoticeFacts absurd = new DisruptionNoticeFacts("FLIGHT_CANCELLED", huge, huge, "WN1234",
                    "MDW", "DEN", at(23, 14, 5, CHICAGO), null, null, huge, Outcome.WAITLISTED, null, null, 3, null,
                    List.of(huge), new Rights(huge, true, huge, huge, huge, true, true, true, 600, huge),
                    "PC-1A2B3C4D");
            for (String language : List.of("en", "es")) {
                String body = render(absurd, Channel.SMS, language).body();
                assertThat(body.length()).isLessThanOrEqualTo(Confirmations.SMS_MAX_CHARS);
                assertThat(body)
                        .startsWith(language.equals("es") ? "Su vuelo WN1234" : "Your flight WN1234")
                        .contains(language.equals("es") ? "Sin cargo" : "No charge")
                        .endsWith("PC-1A2B3C4D");
            }
        }
    }

    @Nested
    class Email {
        @Test
        void english_has_every_detail_and_the_rights_paragraph() {
            Message mail = render(worst("FLIGHT_CANCELLED", Outcome.REBOOKED), Channel.EMAIL, "en");

            assertThat(mail.body())
                    .startsWith("Dear Maximiliana-Esperanza Uhle,\n\nWe are sorry: your flight WN1234 MDW-DEN on "
                                + "Mon 23 Nov 14:05 is cancelled. We wanted you to hear it from us first.\n\n")
                    .contains("We have rebooked you to DEN. Your new flights:\n")
                    .contains("  WN2001  MDW Mon 23 Nov 18:30  ->  SFO Mon 23 Nov 20:40  (Economy)\n")
                    .contains("  WN3002  SFO Mon 23 Nov 22:15  ->  DEN Tue 24 Nov 01:40  (Economy)\n")
                    .contains("Seat: 12C (flight WN2001)\n")
                    .contains("Your bags (tags 0989100001, 0989100002, 0989100003, 0989100004, 0989100005) "
                              + "follow you to DEN.")
                    .contains("Under EU Regulation 261/2004 and US DOT rules you get:\n"
                              + "  - a meal voucher (USD 15.00, code MV7731XYZ)\n"
                              + "  - a hotel room and transport to it\n"
                              + "  - two calls or e-mails\n")
                    .contains("If you would rather not travel, you can have a full refund instead, under EU "
                              + "Regulation 261/2004 art. 8 and the US DOT rule on refunds (14 CFR 260).\n")
                    .contains("You may be entitled to compensation of EUR 600 under EU Regulation 261/2004 art. 7.\n")
                    .contains("No charge: this change costs you nothing.\n")
                    .contains("Please quote Ref PC-1A2B3C4D if you contact us.")
                    .endsWith("With our best wishes,\nPassenger Care\n")
                    .doesNotContain("null", "<");
        }

        @Test
        void spanish_is_fully_spanish() {
            Message mail = render(worst("FLIGHT_CANCELLED", Outcome.REBOOKED), Channel.EMAIL, "es");

            assertThat(mail.subject()).isEqualTo("Su vuelo WN1234 está cancelado: nuevos vuelos WN2001, WN3002 a DEN");
            assertThat(mail.body())
                    .startsWith("Estimado/a Maximiliana-Esperanza Uhle:\n\nLo sentimos: su vuelo WN1234 MDW-DEN del "
                                + "lun 23 nov 14:05 ha sido cancelado.")
                    .contains("  WN3002  SFO lun 23 nov 22:15  ->  DEN mar 24 nov 01:40  (Economy)\n")
                    .contains("Asiento: 12C (vuelo WN2001)\n")
                    .contains("Sus maletas (etiquetas 0989100001, 0989100002, 0989100003, 0989100004, 0989100005) "
                              + "le siguen hasta DEN.")
                    .contains("Según el Reglamento (CE) 261/2004 y las normas del DOT de EE. UU., recibe:\n"
                              + "  - un vale de comida (15.00 USD, código MV7731XYZ)\n"
                              + "  - una habitación de hotel y el transporte hasta ella\n"
                              + "  - dos llamadas o correos electrónicos\n")
                    .contains("Si prefiere no viajar, puede pedir el reembolso completo en su lugar, según el art. 8 "
                              + "del Reglamento (CE) 261/2004 y la norma del DOT de EE. UU. sobre reembolsos "
                              + "(14 CFR 260).")
                    .contains("Puede tener derecho a una compensación de 600 EUR según el art. 7 del Reglamento (CE) "
                              + "261/2004.")
                    .contains("Sin cargo: este cambio no le cuesta nada.")
                    .contains("Ref. PC-1A2B3C4D")
                    .endsWith("Con nuestros mejores deseos,\nAtención al Pasajero\n")
                    .doesNotContain("Mon 23", "Dear", "Seat", "No charge", "refund", "null");
        }

        @Test
        void kept_flight_and_waitlist_say_what_happens_next() {
            assertThat(render(anna("FLIGHT_DELAYED", Outcome.KEPT_FLIGHT), Channel.EMAIL, "en").body())
                    .contains("is delayed to 18:30.")
                    .contains("You keep your seat on flight WN1234, now leaving on Mon 23 Nov 18:30.\n")
                    .contains("Seat: 12C (flight WN1234)\n");
            assertThat(render(anna("FLIGHT_CANCELLED", Outcome.WAITLISTED), Channel.EMAIL, "en").body())
                    .contains("No seat within reach yet: you are number 3 on the waitlist for DEN. We will message "
                              + "you as soon as a seat is yours; our care desk will call you by Mon 23 Nov 18:00.\n")
                    .contains("No charge: your new booking will cost you nothing.");
            assertThat(render(anna("FLIGHT_CANCELLED", Outcome.WAITLISTED), Channel.EMAIL, "es").body())
                    .contains("es el número 3 en la lista de espera para DEN")
                    .contains("le llamará a más tardar el lun 23 nov 18:00.")
                    .contains("Sin cargo");
        }
    }

    @Nested
    class RightsLines {
        static DisruptionNoticeFacts with(Rights rights) {
            return facts("FLIGHT_CANCELLED", Outcome.REBOOKED, "Anna", List.of(WN2001), null, rights);
        }

        @Test
        void no_refund_line_when_there_is_no_refund() {
            Rights noRefund = new Rights("EU261", true, "MV7731", "15.00", "EUR", true, true, false, 400, "EUR");
            for (Channel channel : Channel.values()) {
                assertThat(render(with(noRefund), channel, "en").body())
                        .doesNotContain("refund", "rather not travel", "art. 8")
                        .contains("compensation");
                assertThat(render(with(noRefund), channel, "es").body())
                        .doesNotContain("reembolso", "Prefiere no viajar", "no viaja", "art. 8")
                        .contains("compensación");
            }
        }

        @Test
        void no_compensation_line_when_compensation_is_zero() {
            Rights noCompensation = new Rights("EU261", true, "MV7731", "15.00", "EUR", true, true, true, 0, "EUR");
            for (Channel channel : Channel.values()) {
                assertThat(render(with(noCompensation), channel, "en").body())
                        .doesNotContain("compensation", "art. 7", "EUR 0 ")
                        .contains("refund");
                assertThat(render(with(noCompensation), channel, "es").body())
                        .doesNotContain("compensación", "art. 7", " 0 EUR")
                        .contains("reembolso");
            }
        }

        @Test
        void no_rights_paragraph_without_rights() {
            for (Channel channel : Channel.values()) {
                assertThat(render(with(Rights.NONE), channel, "en").body())
                        .doesNotContain("Under", "you get", "voucher", "hotel", "refund", "compensation")
                        .contains("No charge", "Ref PC-1A2B3C4D");
                assertThat(render(with(Rights.NONE), channel, "es").body())
                        .doesNotContain("Según", "recibe", "vale", "hotel", "reembolso", "compensación")
                        .contains("Sin cargo", "Ref. PC-1A2B3C4D");
            }
        }

        @Test
        void us_dot_refund_cites_14_cfr_260() {
            Rights dot = new Rights("US_DOT", true, null, "12.00", "USD", false, false, true, 0, null);
            assertThat(render(with(dot), Channel.EMAIL, "en").body())
                    .contains("Under US DOT rules you get:\n  - a meal voucher (USD 12.00)\n")
                    .contains("If you would rather not travel, you can have a full refund instead, under the US DOT "
                              + "rule on refunds (14 CFR 260).")
                    .doesNotContain("261/2004", "code");
            assertThat(render(with(dot), Channel.SMS, "en").body())
                    .contains("Under US DOT rules you get: a meal voucher (USD 12.00).")
                    .contains("If you would rather not travel, you can have a full refund instead, under the US DOT "
                              + "rule on refunds (14 CFR 260).");
            assertThat(render(with(dot), Channel.SMS, "es").body())
                    .contains("Según las normas del DOT de EE. UU., recibe: un vale de comida (12.00 USD).")
                    .contains("reembolso completo", "14 CFR 260");
        }

        @Test
        void airline_compensation_cites_the_airline_plan_not_the_dot() {
            Rights goodwill = new Rights("US_DOT+AIRLINE", false, null, null, null, false, false, true, 100, "USD");
            assertThat(render(with(goodwill), Channel.EMAIL, "en").body())
                    .contains("You may be entitled to compensation of USD 100 under our Customer Service Plan.")
                    .contains("full refund instead, under the US DOT rule on refunds (14 CFR 260).");
            assertThat(render(with(goodwill), Channel.EMAIL, "es").body())
                    .contains("compensación de 100 USD según nuestro Plan de Servicio al Cliente.");
        }

        @Test
        void without_a_rule_nothing_is_cited() {
            Rights bare = new Rights(null, true, "MV1", "10.00", "USD", true, false, true, 0, null);
            assertThat(render(with(bare), Channel.SMS, "en").body())
                    .contains("You get: a meal voucher (USD 10.00, code MV1); a hotel room and transport to it.")
                    .contains("If you would rather not travel, you can have a full refund instead.")
                    .doesNotContain("Under", "null");
        }
    }

    @Nested
    class Language {
        @ParameterizedTest
        @ValueSource(strings = {"de", "fr", "", "xx-YY"})
        void unknown_language_falls_back_to_english(String language) {
            for (Channel channel : Channel.values()) {
                assertThat(render(CANCELLED, channel, language)).isEqualTo(render(CANCELLED, channel, "en"));
            }
            assertThat(render(CANCELLED, Channel.SMS, language).body()).contains("Mon 23 Nov", "No charge");
        }

        @Test
        void null_language_falls_back_to_english() {
            assertThat(render(CANCELLED, Channel.EMAIL, null)).isEqualTo(render(CANCELLED, Channel.EMAIL, "en"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ES", "es-MX", "es_AR", " es "})
        void spanish_variants_are_spanish(String language) {
            assertThat(render(CANCELLED, Channel.SMS, language)).isEqualTo(render(CANCELLED, Channel.SMS, "es"));
        }
    }

    @Nested
    class Times {
        @Test
        void each_time_is_shown_in_its_own_offset() {
            for (String language : List.of("en", "es")) {
                for (Channel channel : Channel.values()) {
                    // departs 18:30-06:00 (00:30Z), arrives 20:10-07:00 (03:10Z); was 14:05-06:00 (20:05Z)
                    assertThat(render(CANCELLED, channel, language).body())
                            .contains("14:05", "18:30", "20:10")
                            .doesNotContain("20:05", "00:30", "03:10", "19:10");
                }
            }
        }

        @Test
        void a_delay_into_the_next_day_shows_that_day() {
            DisruptionNoticeFacts late = new DisruptionNoticeFacts("FLIGHT_DELAYED", "Anna", null, "WN1234", "MDW",
                    "DEN", at(23, 14, 5, CHICAGO), at(24, 1, 30, CHICAGO), null, "DEN", Outcome.KEPT_FLIGHT,
                    null, null, null, null, null, Rights.NONE, "PC-1");
            assertThat(render(late, Channel.SMS, "en").body())
                    .contains("is delayed to Tue 24 Nov 01:30.", "You keep your seat on flight WN1234, now leaving on "
                                                                 + "Tue 24 Nov 01:30.");
            assertThat(render(late, Channel.SMS, "es").body())
                    .contains("se ha retrasado hasta el mar 24 nov 01:30.", "que ahora sale el mar 24 nov 01:30.");
            assertThat(render(late, Channel.EMAIL, "en").subject())
                    .isEqualTo("Your flight WN1234 is delayed to Tue 24 Nov 01:30: you keep your seat");
        }

        @Test
        void a_call_back_on_another_day_carries_its_date() {
            DisruptionNoticeFacts tomorrow = new DisruptionNoticeFacts("FLIGHT_CANCELLED", "Anna", null, "WN1234",
                    "MDW", "DEN", at(23, 22, 5, CHICAGO), null, null, "DEN", Outcome.WAITLISTED, null, null, 7,
                    at(24, 8, 0, CHICAGO), null, Rights.NONE, "PC-1");
            assertThat(render(tomorrow, Channel.SMS, "en").body())
                    .contains("number 7 on the waitlist", "our care desk will call you by Tue 24 Nov 08:00.");
            assertThat(render(tomorrow, Channel.SMS, "es").body())
                    .contains("número 7", "le llamará a más tardar el mar 24 nov 08:00.");
        }
    }

    @Nested
    class Robustness {
        @Test
        void null_lists_are_read_as_empty() {
            DisruptionNoticeFacts facts = new DisruptionNoticeFacts("FLIGHT_CANCELLED", "Anna", null, "WN1234",
                    "MDW", "DEN", at(23, 14, 5, CHICAGO), null, null, "DEN", Outcome.WAITLISTED, null, null, null,
                    null, null, Rights.NONE, "PC-1A2B3C4D");
            assertThat(facts.flights()).isEmpty();
            assertThat(facts.bagTags()).isEmpty();
            for (Channel channel : Channel.values()) {
                assertThat(render(facts, channel, "en").body())
                        .contains("you are on the waitlist for DEN", "a person from our care desk will call you")
                        .doesNotContain("bag", "null", "number");
                assertThat(render(facts, channel, "es").body())
                        .contains("está en la lista de espera para DEN", "una persona de nuestro equipo de atención")
                        .doesNotContain("maleta", "null");
            }
            assertThat(render(facts, Channel.EMAIL, "en").body()).startsWith("Dear Anna,\n\n");
        }

        @Test
        void rebooked_without_any_flight_still_says_what_happens_next() {
            DisruptionNoticeFacts noFlight = facts("FLIGHT_CANCELLED", Outcome.REBOOKED, "Anna", null, null,
                    Rights.NONE);
            Message sms = render(noFlight, Channel.SMS, "en");
            assertThat(sms.body())
                    .contains("we are still looking for one to DEN", "a person from our care desk will call you")
                    .doesNotContain("New flight", "Seat");
            assertThat(render(noFlight, Channel.EMAIL, "en").subject())
                    .isEqualTo("Your flight WN1234 is cancelled: our care desk will call you");
            assertThat(render(noFlight, Channel.SMS, "es").body()).contains("seguimos buscando uno para llegar a DEN");
        }

        @Test
        void the_record_copies_its_lists_and_requires_its_facts() {
            List<String> tags = new ArrayList<>(List.of("0989100001"));
            List<FlightLine> flights = new ArrayList<>(List.of(WN2001));
            DisruptionNoticeFacts facts = facts("FLIGHT_CANCELLED", Outcome.REBOOKED, "Anna", flights, tags, EU);
            tags.add("0989100002");
            flights.clear();
            assertThat(facts.bagTags()).containsExactly("0989100001");
            assertThat(facts.flights()).containsExactly(WN2001);

            assertThatThrownBy(() -> new DisruptionNoticeFacts("FLIGHT_CANCELLED", "Anna", null, "WN1234", "MDW",
                    "DEN", at(23, 14, 5, CHICAGO), null, null, "DEN", Outcome.REBOOKED, null, null, null, null, null,
                    null, "PC-1")).isInstanceOf(NullPointerException.class).hasMessageContaining("rights");
            assertThatThrownBy(() -> new DisruptionNoticeFacts("FLIGHT_CANCELLED", "Anna", null, "WN1234", "MDW",
                    "DEN", null, null, null, "DEN", Outcome.REBOOKED, null, null, null, null, null,
                    Rights.NONE, "PC-1")).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("scheduledDeparture");
            assertThatThrownBy(() -> new DisruptionNoticeFacts("FLIGHT_CANCELLED", "Anna", null, "WN1234", "MDW",
                    "DEN", at(23, 14, 5, CHICAGO), null, null, "DEN", null, null, null, null, null, null,
                    Rights.NONE, "PC-1")).isInstanceOf(NullPointerException.class).hasMessageContaining("outcome");
        }

        @Test
        void an_unknown_kind_gets_a_plain_disrupted_wording() {
            DisruptionNoticeFacts other = anna("SCHEDULE_CHANGE", Outcome.REBOOKED);
            assertThat(render(other, Channel.SMS, "en").body())
                    .contains("your flight WN1234 MDW-DEN on Mon 23 Nov 14:05 is disrupted.", "WN2001");
            assertThat(render(other, Channel.EMAIL, "es").subject())
                    .isEqualTo("Su vuelo WN1234 se ha visto afectado: nuevo vuelo WN2001 a DEN");
        }

        @Test
        void whitespace_in_upstream_text_is_collapsed() {
            DisruptionNoticeFacts messy = new DisruptionNoticeFacts("FLIGHT_CANCELLED", "  Anna\n", null,
                    " WN1234 ", "MDW", "DEN", at(23, 14, 5, CHICAGO), null, null, "DEN", Outcome.KEPT_FLIGHT,
                    null, " 12C\t", null, null, List.of(" 0989100001 ", "  "), Rights.NONE, " PC-1 ");
            assertThat(render(messy, Channel.SMS, "en").body())
                    .startsWith("Anna, we are sorry: your flight WN1234 MDW-DEN")
                    .contains("Seat 12C.", "Your bag (tag 0989100001) follows you to DEN.")
                    .endsWith("Ref PC-1");
        }
    }
}
