package com.paxcare.notify;

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

class ConfirmationsTest {

    static final ZoneOffset CHICAGO = ZoneOffset.ofHours(-6);
    static final ZoneOffset DENVER = ZoneOffset.ofHours(-7);
    static final ZoneOffset SAN_FRANCISCO = ZoneOffset.ofHours(-8);
    static final ZoneOffset HONOLULU = ZoneOffset.ofHours(-10);

    /** 23 Nov 2026 is a Monday. */
    static OffsetDateTime at(int day, int hour, int minute, ZoneOffset offset) {
        return OffsetDateTime.of(2026, 11, day, hour, minute, 0, 0, offset);
    }

    static final FlightLine MDW_DEN =
            new FlightLine("WN1234", "MDW", "DEN", at(23, 16, 5, CHICAGO), at(23, 17, 45, DENVER), "Economy");

    static ConfirmationFacts anna(String caseType) {
        return new ConfirmationFacts(caseType, "Anna", "Uhle", "MR UHLE", "DEN", List.of(MDW_DEN),
                "12C", "B7", at(23, 15, 25, CHICAGO), List.of("0989100001"),
                "MV7731", "15.00", "USD", "Private waiting area requested at MDW", "PX-7F3A2C");
    }

    static final ConfirmationFacts ANNA = anna("FAMILY_EMERGENCY");

    /** Three legs, three bags, long names everywhere, long waiting-area text. */
    static final ConfirmationFacts LONG = new ConfirmationFacts("BEREAVEMENT",
            "Maximiliana-Esperanza", "de la Fuente-Wojciechowska y Montenegro",
            "MRS KATARZYNA DE LA FUENTE-WOJCIECHOWSKA Y MONTENEGRO", "HNL",
            List.of(new FlightLine("UA1234", "MDW", "DEN", at(23, 16, 5, CHICAGO), at(23, 17, 45, DENVER), "Economy"),
                    new FlightLine("UA5678", "DEN", "SFO", at(23, 19, 10, DENVER), at(23, 20, 55, SAN_FRANCISCO), "Economy"),
                    new FlightLine("UA9012", "SFO", "HNL", at(23, 22, 30, SAN_FRANCISCO), at(24, 2, 15, HONOLULU), "Economy")),
            "34F", "C12", at(23, 15, 25, CHICAGO), List.of("0989100001", "0989100002", "0989100003"),
            "MV7731XYZ", "25.00", "USD",
            "Private waiting area requested at MDW, near gate B7, with quiet room access and a care agent on call",
            "PX-7F3A2C");

    static Message render(ConfirmationFacts facts, Channel channel, Audience audience, String language) {
        return Confirmations.render(facts, channel, audience, language);
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            for (Channel channel : Channel.values()) {
                for (Audience audience : Audience.values()) {
                    all.add(Arguments.of(language, channel, audience));
                }
            }
        }
        return all.stream();
    }

    static Stream<Arguments> smsCombinations() {
        return everyCombination().filter(a -> a.get()[1] == Channel.SMS);
    }

    static Stream<Arguments> reporterCombinations() {
        return everyCombination().filter(a -> a.get()[2] == Audience.REPORTER);
    }

    @Nested
    class PassengerSms {
        @Test
        void english_has_every_fact_in_one_caring_text() {
            Message sms = render(ANNA, Channel.SMS, Audience.PASSENGER, "en");

            assertThat(sms.subject()).isNull();
            assertThat(sms.body())
                    .startsWith("We are sorry about your family emergency, Anna.")
                    .contains("WN1234 MDW-DEN Mon 23 Nov 16:05, arrives 17:45.")
                    .contains("Seat 12C.", "Gate B7.", "Boarding 15:25.")
                    .contains("Bag 0989100001 goes to DEN with you.")
                    .contains("Meal voucher USD 15.00, code MV7731.")
                    .contains("Private waiting area requested at MDW.")
                    .contains("no charge")
                    .endsWith("Ref PX-7F3A2C")
                    .doesNotContain("null");
            assertThat(sms.body().chars()).allMatch(c -> c < 128);
        }

        @Test
        void spanish_uses_spanish_day_and_month_names_and_sin_cargo() {
            String body = render(ANNA, Channel.SMS, Audience.PASSENGER, "es").body();

            assertThat(body)
                    .startsWith("Sentimos mucho su emergencia familiar, Anna.")
                    .contains("WN1234 MDW-DEN lun 23 nov 16:05, llega 17:45.")
                    .contains("Asiento 12C.", "Puerta B7.", "Embarque 15:25.")
                    .contains("Su maleta 0989100001 va a DEN con usted.")
                    .contains("Vale de comida 15.00 USD, código MV7731.")
                    .contains("sin cargo")
                    .endsWith("Ref. PX-7F3A2C")
                    .doesNotContain("Mon 23", "23 Nov", "Seat", "no charge");
        }

        @Test
        void missing_optional_facts_are_left_out_not_printed_as_null() {
            ConfirmationFacts bare = new ConfirmationFacts("MEDICAL_EMERGENCY", "Anna", null, null, "DEN",
                    List.of(MDW_DEN), null, null, null, null, null, null, null, null, "PX-7F3A2C");

            assertThat(render(bare, Channel.SMS, Audience.PASSENGER, "en").body()).isEqualTo(
                    "We are sorry about your medical emergency, Anna. New flight WN1234 MDW-DEN Mon 23 Nov 16:05, "
                    + "arrives 17:45. All at no charge: change, fare difference and fees waived. Ref PX-7F3A2C");
            for (Channel channel : Channel.values()) {
                for (Audience audience : Audience.values()) {
                    assertThat(render(bare, channel, audience, "es").body())
                            .doesNotContain("null", "Asiento", "Puerta", "Vale", "Equipaje");
                }
            }
        }
    }

    @Nested
    class SmsLength {
        @ParameterizedTest(name = "{0} {2}")
        @MethodSource("com.paxcare.notify.ConfirmationsTest#smsCombinations")
        void three_legs_and_long_names_fit_480_chars_and_keep_the_essentials(
                String language, Channel channel, Audience audience) {
            String body = render(LONG, Channel.SMS, audience, language).body();
            String date = language.equals("es") ? "lun 23 nov 16:05" : "Mon 23 Nov 16:05";

            assertThat(body.length()).isLessThanOrEqualTo(Confirmations.SMS_MAX_CHARS);
            assertThat(body)
                    .contains("UA1234 MDW-DEN " + date)
                    .contains(language.equals("es") ? "Asiento 34F" : "Seat 34F")
                    .contains(language.equals("es") ? "Puerta C12" : "Gate C12")
                    .contains(language.equals("es") ? "sin cargo" : "no charge")
                    .endsWith("PX-7F3A2C");
        }

        @Test
        void full_text_is_kept_when_it_fits_and_details_are_shed_in_order_when_it_does_not() {
            String shortNames = render(ANNA, Channel.SMS, Audience.PASSENGER, "en").body();
            assertThat(shortNames).contains("Private waiting area", "0989100001", "MV7731");

            String longOne = render(LONG, Channel.SMS, Audience.PASSENGER, "en").body();
            assertThat(longOne)
                    .doesNotContain("Private waiting area")        // shed first
                    .contains("UA5678 DEN-SFO 19:10", "UA9012 SFO-HNL 22:30", "arrives HNL Tue 24 Nov 02:15")
                    .contains("MV7731XYZ");
        }

        @Test
        void absurdly_long_values_are_still_cut_to_480_with_the_reference_kept() {
            String huge = "X".repeat(700);
            ConfirmationFacts absurd = new ConfirmationFacts("FAMILY_EMERGENCY", huge, huge, huge, "DEN",
                    List.of(MDW_DEN), "12C", "B7", null, List.of(), null, null, null, huge, "PX-7F3A2C");
            for (Audience audience : Audience.values()) {
                for (String language : List.of("en", "es")) {
                    String body = render(absurd, Channel.SMS, audience, language).body();
                    assertThat(body.length()).isLessThanOrEqualTo(Confirmations.SMS_MAX_CHARS);
                    assertThat(body).endsWith("PX-7F3A2C");
                    String noSeat = Confirmations.noSeatFound(absurd, Channel.SMS, audience, language).body();
                    assertThat(noSeat.length()).isLessThanOrEqualTo(Confirmations.SMS_MAX_CHARS);
                    assertThat(noSeat).endsWith("PX-7F3A2C");
                }
            }
        }
    }

    @Nested
    class PassengerEmail {
        @Test
        void english_lists_everything_and_says_nothing_is_charged() {
            Message mail = render(LONG, Channel.EMAIL, Audience.PASSENGER, "en");

            assertThat(mail.subject()).isEqualTo("Your new flights to HNL \u2014 nothing to pay");
            assertThat(mail.body())
                    .startsWith("Dear Maximiliana-Esperanza de la Fuente-Wojciechowska y Montenegro,\n\n"
                                + "Please accept our sincere condolences.")
                    .contains("  UA1234  MDW Mon 23 Nov 16:05  ->  DEN Mon 23 Nov 17:45  (Economy)\n")
                    .contains("  UA5678  DEN Mon 23 Nov 19:10  ->  SFO Mon 23 Nov 20:55  (Economy)\n")
                    .contains("  UA9012  SFO Mon 23 Nov 22:30  ->  HNL Tue 24 Nov 02:15  (Economy)\n")
                    .contains("Seat: 34F (flight UA1234)\n", "Boarding: Mon 23 Nov 15:25\n", "Gate: C12\n")
                    .contains("Your bags 0989100001, 0989100002, 0989100003 are being sent to HNL with you.")
                    .contains("Meal voucher: USD 25.00, code MV7731XYZ\n")
                    .contains("Waiting area: Private waiting area requested at MDW")
                    .contains("the change, any fare difference and any fee are waived")
                    .contains("PX-7F3A2C")
                    .doesNotContain("<", ">\n", "null");
        }

        @Test
        void single_bag_sentence_is_exact() {
            assertThat(render(ANNA, Channel.EMAIL, Audience.PASSENGER, "en").body())
                    .contains("Bags: Your bag 0989100001 is being sent to DEN with you.\n");
            assertThat(render(ANNA, Channel.EMAIL, Audience.PASSENGER, "es").body())
                    .contains("Equipaje: Su maleta 0989100001 se envía a DEN con usted.\n");
        }

        @Test
        void spanish_is_fully_spanish() {
            Message mail = render(LONG, Channel.EMAIL, Audience.PASSENGER, "es");

            assertThat(mail.subject()).isEqualTo("Sus nuevos vuelos a HNL \u2014 sin ningún cargo");
            assertThat(render(ANNA, Channel.EMAIL, Audience.PASSENGER, "es").subject())
                    .isEqualTo("Su nuevo vuelo a DEN \u2014 sin ningún cargo");
            assertThat(mail.body())
                    .startsWith("Estimado/a Maximiliana-Esperanza de la Fuente-Wojciechowska y Montenegro:\n\n"
                                + "Le expresamos nuestras más sinceras condolencias.")
                    .contains("  UA1234  MDW lun 23 nov 16:05  ->  DEN lun 23 nov 17:45  (Economy)\n")
                    .contains("  UA9012  SFO lun 23 nov 22:30  ->  HNL mar 24 nov 02:15  (Economy)\n")
                    .contains("Asiento: 34F (vuelo UA1234)\n", "Embarque: lun 23 nov 15:25\n", "Puerta: C12\n")
                    .contains("Vale de comida: 25.00 USD, código MV7731XYZ\n")
                    .contains("sin cargo", "diferencia de tarifa", "penalidad")
                    .contains("Su referencia de caso es PX-7F3A2C.")
                    .doesNotContain("Mon 23", "23 Nov", "Dear", "Seat", "nothing to pay");
        }
    }

    @Nested
    class Reporter {
        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("com.paxcare.notify.ConfirmationsTest#reporterCombinations")
        void never_gets_the_voucher_code(String language, Channel channel, Audience audience) {
            for (ConfirmationFacts facts : List.of(ANNA, LONG)) {
                assertThat(render(facts, channel, audience, language).body()).doesNotContain("MV7731");
                assertThat(Confirmations.noSeatFound(facts, channel, audience, language).body())
                        .doesNotContain("MV7731");
            }
        }

        @Test
        void english_is_addressed_to_the_reporter_about_the_passenger() {
            Message mail = render(ANNA, Channel.EMAIL, Audience.REPORTER, "en");
            String sms = render(ANNA, Channel.SMS, Audience.REPORTER, "en").body();

            assertThat(mail.subject()).isEqualTo("Anna is rebooked to DEN \u2014 nothing to pay");
            assertThat(mail.body())
                    .startsWith("Dear MR UHLE,\n\nWe are sorry about your family emergency.")
                    .contains("Anna is being looked after and has been rebooked to DEN")
                    .contains("WN1234  MDW Mon 23 Nov 16:05  ->  DEN Mon 23 Nov 17:45")
                    .contains("Anna's bag 0989100001 is being sent to DEN as well.")
                    .contains("Anna has been given a meal voucher.")
                    .contains("Please keep your phone on.")
                    .contains("PX-7F3A2C")
                    .doesNotContain("Dear Anna");
            assertThat(sms)
                    .startsWith("We are sorry about your family emergency, MR UHLE.")
                    .contains("Anna is being looked after.", "WN1234 MDW-DEN Mon 23 Nov 16:05")
                    .contains("Please keep your phone on.", "no charge", "PX-7F3A2C");
        }

        @Test
        void spanish_is_addressed_to_the_reporter_about_the_passenger() {
            Message mail = render(ANNA, Channel.EMAIL, Audience.REPORTER, "es");
            String sms = render(ANNA, Channel.SMS, Audience.REPORTER, "es").body();

            assertThat(mail.subject()).isEqualTo("Anna tiene nuevo vuelo a DEN \u2014 sin ningún cargo");
            assertThat(mail.body())
                    .startsWith("Estimado/a MR UHLE:\n\nSentimos mucho su emergencia familiar.")
                    .contains("Hemos atendido a Anna y le hemos reservado un nuevo vuelo a DEN")
                    .contains("La maleta 0989100001 de Anna se envía también a DEN.")
                    .contains("mantenga su teléfono encendido", "sin cargo", "PX-7F3A2C");
            assertThat(sms)
                    .contains("Hemos atendido a Anna.", "WN1234 MDW-DEN lun 23 nov 16:05")
                    .contains("mantenga su teléfono encendido", "sin cargo", "PX-7F3A2C");
        }

        @Test
        void without_a_reporter_name_the_greeting_is_generic() {
            ConfirmationFacts noName = new ConfirmationFacts("FAMILY_EMERGENCY", "Anna", "Uhle", null, "DEN",
                    List.of(MDW_DEN), "12C", "B7", null, List.of(), null, null, null, null, "PX-7F3A2C");
            assertThat(render(noName, Channel.EMAIL, Audience.REPORTER, "en").body()).startsWith("Hello,\n\n");
            assertThat(render(noName, Channel.EMAIL, Audience.REPORTER, "es").body()).startsWith("Hola:\n\n");
            assertThat(render(noName, Channel.SMS, Audience.REPORTER, "en").body())
                    .startsWith("We are sorry about your family emergency. Anna is being looked after.");
        }
    }

    @Nested
    class NoSeatFound {
        @ParameterizedTest(name = "{0} {1} {2}")
        @MethodSource("com.paxcare.notify.ConfirmationsTest#everyCombination")
        void says_a_person_will_call_nothing_is_charged_and_quotes_the_case(
                String language, Channel channel, Audience audience) {
            ConfirmationFacts noFlights = new ConfirmationFacts("FAMILY_EMERGENCY", "Anna", "Uhle", "MR UHLE", "DEN",
                    List.of(), null, null, null, List.of("0989100001"), "MV7731", "15.00", "USD", null, "PX-7F3A2C");
            Message message = Confirmations.noSeatFound(noFlights, channel, audience, language);
            boolean es = language.equals("es");

            assertThat(message.body())
                    .contains(es ? "una persona" : "a person")
                    .contains(es ? "llamará" : "will call")
                    .contains(es ? "sin cargo" : "no charge")
                    .contains(es ? "mantenga su teléfono encendido" : "keep your phone on")
                    .contains("DEN", "PX-7F3A2C");
            if (audience == Audience.REPORTER) {
                assertThat(message.body()).contains(es ? "llamará a Anna o a usted" : "will call Anna or you");
            }
            if (channel == Channel.EMAIL) {
                assertThat(message.subject()).contains("DEN");
            } else {
                assertThat(message.subject()).isNull();
                assertThat(message.body().length()).isLessThanOrEqualTo(Confirmations.SMS_MAX_CHARS);
            }
            // rendering a confirmation without any flight never goes silent either: it is the same message
            assertThat(render(noFlights, channel, audience, language)).isEqualTo(message);
        }

        @Test
        void english_sms_reads_as_a_whole() {
            assertThat(Confirmations.noSeatFound(ANNA, Channel.SMS, Audience.PASSENGER, "en").body()).isEqualTo(
                    "We are sorry about your family emergency, Anna. We have not yet found a seat to DEN. "
                    + "Our care desk is on it and a person will call you. Please keep your phone on. "
                    + "All at no charge: change, fare difference and fees waived. Ref PX-7F3A2C");
        }
    }

    @Nested
    class Language {
        @ParameterizedTest
        @ValueSource(strings = {"de", "fr", "", "xx-YY"})
        void unknown_language_falls_back_to_english(String language) {
            for (Channel channel : Channel.values()) {
                for (Audience audience : Audience.values()) {
                    assertThat(render(ANNA, channel, audience, language))
                            .isEqualTo(render(ANNA, channel, audience, "en"));
                }
            }
            assertThat(render(ANNA, Channel.SMS, Audience.PASSENGER, language).body()).contains("Mon 23 Nov");
        }

        @Test
        void null_language_falls_back_to_english() {
            assertThat(render(ANNA, Channel.EMAIL, Audience.PASSENGER, null))
                    .isEqualTo(render(ANNA, Channel.EMAIL, Audience.PASSENGER, "en"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ES", "es-MX", "es_AR", " es "})
        void spanish_variants_are_spanish(String language) {
            assertThat(render(ANNA, Channel.SMS, Audience.PASSENGER, language))
                    .isEqualTo(render(ANNA, Channel.SMS, Audience.PASSENGER, "es"));
        }

        @Test
        void every_spanish_day_and_month_name_comes_from_the_table() {
            List<String> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                days.add(Phrases.SPANISH.date(OffsetDateTime.of(2026, 11, 23 + d, 9, 0, 0, 0, ZoneOffset.UTC)));
            }
            assertThat(days).containsExactly("lun 23 nov", "mar 24 nov", "mié 25 nov", "jue 26 nov",
                    "vie 27 nov", "sáb 28 nov", "dom 29 nov");
            List<String> months = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                months.add(Phrases.SPANISH.monthName(java.time.Month.of(m)));
            }
            assertThat(months).containsExactly("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep",
                    "oct", "nov", "dic");
            assertThat(Phrases.ENGLISH.date(OffsetDateTime.of(2026, 1, 4, 9, 0, 0, 0, ZoneOffset.UTC)))
                    .isEqualTo("Sun 4 Jan");
        }
    }

    @Nested
    class Times {
        @Test
        void each_time_is_shown_in_its_own_offset() {
            for (String language : List.of("en", "es")) {
                String mail = render(ANNA, Channel.EMAIL, Audience.PASSENGER, language).body();
                String sms = render(ANNA, Channel.SMS, Audience.PASSENGER, language).body();
                // departs 16:05-06:00 (22:05Z), arrives 17:45-07:00 (00:45Z next day)
                assertThat(mail).contains("16:05", "17:45").doesNotContain("22:05", "00:45", "15:05", "18:45");
                assertThat(sms).contains("16:05", "17:45").doesNotContain("22:05", "00:45");
            }
        }

        @Test
        void arrival_on_another_day_shows_that_day() {
            String sms = render(LONG, Channel.SMS, Audience.PASSENGER, "en").body();
            assertThat(sms).contains("arrives HNL Tue 24 Nov 02:15");
            assertThat(render(LONG, Channel.SMS, Audience.PASSENGER, "es").body())
                    .contains("llega a HNL mar 24 nov 02:15");
        }

        @Test
        void boarding_on_another_day_than_departure_carries_its_date() {
            ConfirmationFacts early = new ConfirmationFacts("FAMILY_EMERGENCY", "Anna", "Uhle", null, "DEN",
                    List.of(new FlightLine("WN1", "MDW", "DEN", at(24, 0, 20, CHICAGO), null, null)),
                    null, null, at(23, 23, 40, CHICAGO), List.of(), null, null, null, null, "PX-1");
            assertThat(render(early, Channel.SMS, Audience.PASSENGER, "en").body())
                    .contains("WN1 MDW-DEN Tue 24 Nov 00:20.", "Boarding Mon 23 Nov 23:40.");
        }
    }

    @Nested
    class CaringOpening {
        @Test
        void bereavement_starts_with_condolences() {
            ConfirmationFacts facts = anna("BEREAVEMENT");
            assertThat(render(facts, Channel.SMS, Audience.PASSENGER, "en").body())
                    .startsWith("Please accept our sincere condolences, Anna.");
            assertThat(render(facts, Channel.SMS, Audience.REPORTER, "es").body())
                    .startsWith("Le expresamos nuestras más sinceras condolencias, MR UHLE.");
            assertThat(render(facts, Channel.EMAIL, Audience.PASSENGER, "en").body())
                    .startsWith("Dear Anna Uhle,\n\nPlease accept our sincere condolences.");
            assertThat(Confirmations.noSeatFound(facts, Channel.EMAIL, Audience.REPORTER, "es").body())
                    .startsWith("Estimado/a MR UHLE:\n\nLe expresamos nuestras más sinceras condolencias.");
        }

        @Test
        void emergencies_start_with_a_short_caring_line() {
            assertThat(render(anna("FAMILY_EMERGENCY"), Channel.EMAIL, Audience.PASSENGER, "en").body())
                    .startsWith("Dear Anna Uhle,\n\nWe are sorry about your family emergency.");
            assertThat(render(anna("MEDICAL_EMERGENCY"), Channel.SMS, Audience.PASSENGER, "en").body())
                    .startsWith("We are sorry about your medical emergency, Anna.");
            assertThat(render(anna("MEDICAL_EMERGENCY"), Channel.SMS, Audience.PASSENGER, "es").body())
                    .startsWith("Sentimos mucho su emergencia médica, Anna.");
            assertThat(render(anna("FAMILY_EMERGENCY"), Channel.EMAIL, Audience.PASSENGER, "es").body())
                    .startsWith("Estimado/a Anna Uhle:\n\nSentimos mucho su emergencia familiar.");
        }
    }
}
