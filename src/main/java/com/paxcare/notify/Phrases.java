package com.paxcare.notify;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Every word PaxCare sends, per language. Day and month names come from explicit tables, never from the JVM
 * locale. SMS phrases stay ASCII in English; Spanish may carry accents.
 */
interface Phrases {

    static Phrases forLanguage(String language) {
        if (language != null) {
            String primary = language.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
            if (primary.equals("es")) {
                return SPANISH;
            }
        }
        return ENGLISH;
    }

    // ---- dates ------------------------------------------------------------------------------------------------

    String dayName(DayOfWeek day);

    String monthName(Month month);

    /** "Mon 23 Nov" / "lun 23 nov", in the offset the value carries. */
    default String date(OffsetDateTime t) {
        return dayName(t.getDayOfWeek()) + " " + t.getDayOfMonth() + " " + monthName(t.getMonth());
    }

    /** "14:05", in the offset the value carries. */
    static String time(OffsetDateTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    default String dateTime(OffsetDateTime t) {
        return date(t) + " " + time(t);
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    /** The caring opening, without final punctuation: "We are sorry about your family emergency". */
    String care(String caseType, Audience audience);

    String seat();

    String gate();

    String boarding();

    String caseReference(String ref);

    String keepPhoneOn();

    // ---- SMS --------------------------------------------------------------------------------------------------

    String smsNewFlights(int legs);

    String smsArrives();

    String smsArrivesAt(String destination);

    String smsMoreFlights(int more);

    String smsReporterRebooked(String first);

    String smsBags(List<String> tags, String destination, Audience audience, String first);

    String smsBagsShort(int count, String destination, Audience audience, String first);

    String smsVoucher(String amount, String currency, String code);

    String smsVoucherReporter(String first);

    String smsWaitingArea(String area);

    String smsNoCharge();

    String smsNoChargeShort();

    String smsNoSeat(String destination, Audience audience, String first);

    // ---- e-mail -----------------------------------------------------------------------------------------------

    String subject(String destination, int legs, Audience audience, String first);

    String subjectNoSeat(String destination, Audience audience, String first);

    String salutation(String name);

    String emailIntro(String destination, Audience audience, String first);

    String emailFlightsHeading(int legs, Audience audience, String first);

    String onFlight(String flight);

    String bagsLabel();

    String emailBags(List<String> tags, String destination, Audience audience, String first);

    String mealVoucherLabel();

    String emailVoucher(String amount, String currency, String code);

    String emailVoucherReporter(String first);

    String waitingAreaLabel();

    String emailNoCharge();

    String emailNoSeat(String destination, Audience audience, String first);

    String emailNoChargeNoSeat();

    String emailCaseReference(String ref);

    String signOff();

    // ===========================================================================================================

    Phrases ENGLISH = new Phrases() {
        private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        private static final String[] MONTHS =
                {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

        @Override public String dayName(DayOfWeek day) { return DAYS[day.ordinal()]; }
        @Override public String monthName(Month month) { return MONTHS[month.ordinal()]; }

        @Override
        public String care(String caseType, Audience audience) {
            String type = caseType == null ? "" : caseType;
            return switch (type) {
                case "BEREAVEMENT" -> "Please accept our sincere condolences";
                case "FAMILY_EMERGENCY" -> "We are sorry about your family emergency";
                case "MEDICAL_EMERGENCY" -> audience == Audience.PASSENGER
                        ? "We are sorry about your medical emergency"
                        : "We are sorry about the medical emergency";
                default -> "We are sorry for what you are going through";
            };
        }

        @Override public String seat() { return "Seat"; }
        @Override public String gate() { return "Gate"; }
        @Override public String boarding() { return "Boarding"; }
        @Override public String caseReference(String ref) { return "Ref " + ref; }
        @Override public String keepPhoneOn() { return "Please keep your phone on."; }

        @Override public String smsNewFlights(int legs) { return legs == 1 ? "New flight" : "New flights:"; }
        @Override public String smsArrives() { return "arrives"; }
        @Override public String smsArrivesAt(String destination) { return "arrives " + destination; }
        @Override public String smsMoreFlights(int more) {
            return "(+" + more + (more == 1 ? " connecting flight)" : " connecting flights)");
        }
        @Override public String smsReporterRebooked(String first) {
            return first + " is being looked after.";
        }

        @Override
        public String smsBags(List<String> tags, String destination, Audience audience, String first) {
            String who = audience == Audience.PASSENGER ? "" : first + "'s ";
            String with = audience == Audience.PASSENGER ? " with you." : " too.";
            return tags.size() == 1
                    ? cap(who + "bag " + tags.get(0) + " goes to " + destination + with)
                    : cap(who + "bags " + String.join(", ", tags) + " go to " + destination + with);
        }

        @Override
        public String smsBagsShort(int count, String destination, Audience audience, String first) {
            String who = audience == Audience.PASSENGER ? "Your " : first + "'s ";
            return who + (count == 1 ? "bag goes to " : "bags go to ") + destination + " too.";
        }

        @Override public String smsVoucher(String amount, String currency, String code) {
            return "Meal voucher " + money(amount, currency) + "code " + code + ".";
        }
        @Override public String smsVoucherReporter(String first) { return first + " has a meal voucher."; }
        @Override public String smsWaitingArea(String area) { return area + "."; }
        @Override public String smsNoCharge() { return "All at no charge: change, fare difference and fees waived."; }
        @Override public String smsNoChargeShort() { return "All at no charge."; }

        @Override
        public String smsNoSeat(String destination, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? "We have not yet found a seat to " + destination
                      + ". Our care desk is on it and a person will call you."
                    : "We have not yet found a seat to " + destination + " for " + first
                      + ". Our care desk is on it and a person will call " + first + " or you.";
        }

        @Override
        public String subject(String destination, int legs, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? (legs == 1 ? "Your new flight to " : "Your new flights to ") + destination + " \u2014 nothing to pay"
                    : first + " is rebooked to " + destination + " \u2014 nothing to pay";
        }

        @Override
        public String subjectNoSeat(String destination, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? "Your trip to " + destination + " \u2014 our care desk will call you"
                    : first + "'s trip to " + destination + " \u2014 our care desk is on it";
        }

        @Override public String salutation(String name) { return name == null ? "Hello," : "Dear " + name + ","; }

        @Override
        public String emailIntro(String destination, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? "We have rebooked you to " + destination + ", and nothing is charged to you."
                    : first + " is being looked after and has been rebooked to " + destination
                      + ", with nothing to pay.";
        }

        @Override
        public String emailFlightsHeading(int legs, Audience audience, String first) {
            String whose = audience == Audience.PASSENGER ? "Your" : first + "'s";
            return whose + (legs == 1 ? " new flight:" : " new flights:");
        }

        @Override public String onFlight(String flight) { return "flight " + flight; }
        @Override public String bagsLabel() { return "Bags"; }

        @Override
        public String emailBags(List<String> tags, String destination, Audience audience, String first) {
            boolean one = tags.size() == 1;
            String list = String.join(", ", tags);
            if (audience == Audience.PASSENGER) {
                return (one ? "Your bag " : "Your bags ") + list + (one ? " is" : " are")
                       + " being sent to " + destination + " with you.";
            }
            return first + (one ? "'s bag " : "'s bags ") + list + (one ? " is" : " are")
                   + " being sent to " + destination + " as well.";
        }

        @Override public String mealVoucherLabel() { return "Meal voucher"; }
        @Override public String emailVoucher(String amount, String currency, String code) {
            return money(amount, currency) + "code " + code;
        }
        @Override public String emailVoucherReporter(String first) { return first + " has been given a meal voucher."; }
        @Override public String waitingAreaLabel() { return "Waiting area"; }

        @Override
        public String emailNoCharge() {
            return "Nothing to pay: the change, any fare difference and any fee are waived. There is no charge.";
        }

        @Override
        public String emailNoSeat(String destination, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? "We have not yet found a seat that gets you to " + destination
                      + ". Our care desk is working on it right now, and a person from our care desk will call you."
                    : "We have not yet found a seat that gets " + first + " to " + destination
                      + ". Our care desk is working on it right now, and a person from our care desk will call "
                      + first + " or you.";
        }

        @Override
        public String emailNoChargeNoSeat() {
            return "Nothing to pay: any change, fare difference and fee will be waived. There is no charge.";
        }

        @Override public String emailCaseReference(String ref) {
            return "Your case reference is " + ref + ". Please quote it if you contact us.";
        }
        @Override public String signOff() { return "With our best wishes,\nPassenger Care"; }

        private static String money(String amount, String currency) {
            if (amount == null) {
                return "";
            }
            return (currency == null ? amount : currency + " " + amount) + ", ";
        }

        private static String cap(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    };

    // ===========================================================================================================

    Phrases SPANISH = new Phrases() {
        private static final String[] DAYS = {"lun", "mar", "mié", "jue", "vie", "sáb", "dom"};
        private static final String[] MONTHS =
                {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"};

        @Override public String dayName(DayOfWeek day) { return DAYS[day.ordinal()]; }
        @Override public String monthName(Month month) { return MONTHS[month.ordinal()]; }

        @Override
        public String care(String caseType, Audience audience) {
            String type = caseType == null ? "" : caseType;
            return switch (type) {
                case "BEREAVEMENT" -> "Le expresamos nuestras más sinceras condolencias";
                case "FAMILY_EMERGENCY" -> "Sentimos mucho su emergencia familiar";
                case "MEDICAL_EMERGENCY" -> audience == Audience.PASSENGER
                        ? "Sentimos mucho su emergencia médica"
                        : "Sentimos mucho la emergencia médica";
                default -> "Sentimos mucho lo que está viviendo";
            };
        }

        @Override public String seat() { return "Asiento"; }
        @Override public String gate() { return "Puerta"; }
        @Override public String boarding() { return "Embarque"; }
        @Override public String caseReference(String ref) { return "Ref. " + ref; }
        @Override public String keepPhoneOn() { return "Por favor, mantenga su teléfono encendido."; }

        @Override public String smsNewFlights(int legs) { return legs == 1 ? "Nuevo vuelo" : "Nuevos vuelos:"; }
        @Override public String smsArrives() { return "llega"; }
        @Override public String smsArrivesAt(String destination) { return "llega a " + destination; }
        @Override public String smsMoreFlights(int more) {
            return "(+" + more + (more == 1 ? " vuelo de conexión)" : " vuelos de conexión)");
        }
        @Override public String smsReporterRebooked(String first) {
            return "Hemos atendido a " + first + ".";
        }

        @Override
        public String smsBags(List<String> tags, String destination, Audience audience, String first) {
            boolean one = tags.size() == 1;
            String list = String.join(", ", tags);
            if (audience == Audience.PASSENGER) {
                return (one ? "Su maleta " + list + " va a " : "Sus maletas " + list + " van a ")
                       + destination + " con usted.";
            }
            return (one ? "La maleta " + list + " de " + first + " va a "
                        : "Las maletas " + list + " de " + first + " van a ") + destination + ".";
        }

        @Override
        public String smsBagsShort(int count, String destination, Audience audience, String first) {
            String whose = audience == Audience.PASSENGER ? "" : " de " + first;
            return (count == 1 ? "La maleta" + whose + " va a " : "Las maletas" + whose + " van a ")
                   + destination + ".";
        }

        @Override public String smsVoucher(String amount, String currency, String code) {
            return "Vale de comida " + money(amount, currency) + "código " + code + ".";
        }
        @Override public String smsVoucherReporter(String first) { return first + " tiene un vale de comida."; }
        @Override public String smsWaitingArea(String area) { return "Zona de espera: " + area + "."; }
        @Override public String smsNoCharge() {
            return "Todo sin cargo: cambio, diferencia de tarifa y penalidades.";
        }
        @Override public String smsNoChargeShort() { return "Todo sin cargo."; }

        @Override
        public String smsNoSeat(String destination, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? "Aún no hemos encontrado asiento a " + destination
                      + ". Nuestro equipo se está ocupando y una persona le llamará."
                    : "Aún no hemos encontrado asiento a " + destination + " para " + first
                      + ". Nuestro equipo se está ocupando y una persona llamará a " + first + " o a usted.";
        }

        @Override
        public String subject(String destination, int legs, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? (legs == 1 ? "Su nuevo vuelo a " : "Sus nuevos vuelos a ") + destination
                      + " \u2014 sin ningún cargo"
                    : first + " tiene nuevo vuelo a " + destination + " \u2014 sin ningún cargo";
        }

        @Override
        public String subjectNoSeat(String destination, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? "Su viaje a " + destination + " \u2014 nuestro equipo le llamará"
                    : "El viaje de " + first + " a " + destination + " \u2014 nuestro equipo se está ocupando";
        }

        @Override public String salutation(String name) { return name == null ? "Hola:" : "Estimado/a " + name + ":"; }

        @Override
        public String emailIntro(String destination, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? "Le hemos reservado un nuevo vuelo a " + destination + ", sin ningún cargo para usted."
                    : "Hemos atendido a " + first + " y le hemos reservado un nuevo vuelo a " + destination
                      + ", sin ningún cargo.";
        }

        @Override
        public String emailFlightsHeading(int legs, Audience audience, String first) {
            if (audience == Audience.PASSENGER) {
                return legs == 1 ? "Su nuevo vuelo:" : "Sus nuevos vuelos:";
            }
            return (legs == 1 ? "Nuevo vuelo de " : "Nuevos vuelos de ") + first + ":";
        }

        @Override public String onFlight(String flight) { return "vuelo " + flight; }
        @Override public String bagsLabel() { return "Equipaje"; }

        @Override
        public String emailBags(List<String> tags, String destination, Audience audience, String first) {
            boolean one = tags.size() == 1;
            String list = String.join(", ", tags);
            if (audience == Audience.PASSENGER) {
                return (one ? "Su maleta " + list + " se envía a " : "Sus maletas " + list + " se envían a ")
                       + destination + " con usted.";
            }
            return (one ? "La maleta " + list + " de " + first + " se envía también a "
                        : "Las maletas " + list + " de " + first + " se envían también a ") + destination + ".";
        }

        @Override public String mealVoucherLabel() { return "Vale de comida"; }
        @Override public String emailVoucher(String amount, String currency, String code) {
            return money(amount, currency) + "código " + code;
        }
        @Override public String emailVoucherReporter(String first) { return first + " ha recibido un vale de comida."; }
        @Override public String waitingAreaLabel() { return "Zona de espera"; }

        @Override
        public String emailNoCharge() {
            return "Todo sin cargo: el cambio, cualquier diferencia de tarifa y cualquier penalidad quedan "
                   + "exonerados. No se cobra nada.";
        }

        @Override
        public String emailNoSeat(String destination, Audience audience, String first) {
            return audience == Audience.PASSENGER
                    ? "Todavía no hemos encontrado un asiento para llegar a " + destination
                      + ". Nuestro equipo de atención ya se está ocupando y una persona de nuestro equipo le llamará."
                    : "Todavía no hemos encontrado un asiento para que " + first + " llegue a " + destination
                      + ". Nuestro equipo de atención ya se está ocupando y una persona de nuestro equipo llamará a "
                      + first + " o a usted.";
        }

        @Override
        public String emailNoChargeNoSeat() {
            return "Todo sin cargo: no se cobrará ningún cambio, diferencia de tarifa ni penalidad.";
        }

        @Override public String emailCaseReference(String ref) {
            return "Su referencia de caso es " + ref + ". Por favor, indíquela si se pone en contacto con nosotros.";
        }
        @Override public String signOff() { return "Con nuestros mejores deseos,\nAtención al Pasajero"; }

        private static String money(String amount, String currency) {
            if (amount == null) {
                return "";
            }
            return (currency == null ? amount : amount + " " + currency) + ", ";
        }
    };
}
