package com.paxcare.baggage;

import com.paxcare.baggage.BsmMessage.Action;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IATA RP 1745 Baggage Source Messages from Type B text.
 *
 * <p>A text may hold several messages, each from a {@code BSM} line to an {@code ENDBSM} line. Every message is
 * parsed on its own: good ones become {@link BsmMessage}s, each bad one gives one {@link BsmRejection} (its first
 * fault). Elements this service does not use ({@code .S/}, {@code .U/}, {@code .X/}...) are skipped, since RP 1745
 * lets senders add them; the ones it does use are checked strictly.
 */
public final class BsmParser {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final Pattern ELEMENT = Pattern.compile("\\.([A-Za-z])/(.*)");
    /** Version digit, source indicator, station, then optional parts (part number, message reference...). */
    private static final Pattern VERSION = Pattern.compile("(\\d)([LTX])([A-Z]{3})(/.*)?");
    /** Airline (2 letters/digits, not both digits), 1-4 digit number, optional operational suffix. */
    private static final Pattern FLIGHT = Pattern.compile("([A-Z]{2}|[A-Z]\\d|\\d[A-Z])(\\d{1,4})([A-Z])?");
    private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
    private static final Pattern CLASS = Pattern.compile("[A-Z]");
    private static final Pattern TAG_AND_COUNT = Pattern.compile("(\\d{10})(\\d{3})");
    private static final Pattern PIECES_WEIGHT = Pattern.compile("([KLP])/(\\d{0,3})(?:/(\\d{0,4}))?(?:/.*)?");
    /** Optional passenger count, surname, then /given names; digits occur in test names such as PASSENGER4. */
    private static final Pattern PASSENGER =
            Pattern.compile("(\\d{1,3})?([A-Z][A-Z0-9 -]*)((?:/[A-Z][A-Z0-9 -]*)*)");
    private static final Pattern PNR = Pattern.compile("([A-Z0-9]{5,8})(?:/.*)?");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,8}");
    private static final Pattern IRREGULARITY = Pattern.compile("([A-Z]{3})(?:/(\\d{13}))?");

    /** Elements that may appear only once in a BSM; .O/, .N/, .E/, .B/ may repeat. */
    private static final Set<Character> SINGLE_ELEMENTS = Set.of('V', 'I', 'F', 'W', 'P', 'L');
    private static final double KG_PER_POUND = 0.45359237;
    private static final int MAX_SHOWN_CHARS = 40;

    private BsmParser() {
    }

    /**
     * Splits {@code text} into messages and parses each.
     *
     * @param today the receiving day, used to give the year-less ddMMM dates their year (nearest to today)
     */
    public static BsmParseResult parse(String text, LocalDate today) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(today, "today");
        String[] lines = LINE_BREAK.split(text, -1);
        List<BsmMessage> messages = new ArrayList<>();
        List<BsmRejection> rejections = new ArrayList<>();
        int openBsm = -1; // index of the current message's BSM line, -1 outside a message
        boolean inStrayText = false; // so a run of stray lines gives one rejection, not one per line
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (openBsm < 0) {
                if (line.isEmpty()) {
                    inStrayText = false;
                } else if (line.equals("BSM")) {
                    openBsm = i;
                    inStrayText = false;
                } else if (!inStrayText) {
                    rejections.add(new BsmRejection(i + 1,
                            "text outside any BSM ... ENDBSM message: '" + shown(line) + "'"));
                    inStrayText = true;
                }
            } else if (line.equals("ENDBSM")) {
                try {
                    messages.add(parseMessage(lines, openBsm, i, today));
                } catch (Rejected rejected) {
                    rejections.add(new BsmRejection(rejected.line, rejected.getMessage()));
                }
                openBsm = -1;
            } else if (line.equals("BSM")) {
                rejections.add(new BsmRejection(openBsm + 1,
                        "BSM has no ENDBSM before the next BSM at line " + (i + 1)));
                openBsm = i;
            }
        }
        if (openBsm >= 0) {
            rejections.add(new BsmRejection(openBsm + 1, "BSM has no closing ENDBSM"));
        }
        return new BsmParseResult(messages, rejections);
    }

    private static BsmMessage parseMessage(String[] lines, int bsmIndex, int endIndex, LocalDate today) {
        MessageDraft draft = new MessageDraft(today);
        boolean firstBodyLine = true;
        for (int i = bsmIndex + 1; i < endIndex; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNumber = i + 1;
            // Type B text is printable: a control character (NUL, ESC...) is never part of an element, and a NUL
            // could not even be stored with the message's text.
            int control = line.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
            if (control >= 0) {
                throw new Rejected(lineNumber, "line holds the control character U+"
                        + String.format("%04X", control) + "; BSM text is printable");
            }
            boolean actionAllowedHere = firstBodyLine;
            firstBodyLine = false;
            // ADD is the default; an explicit ADD line is not in RP 1745 but some senders write one, and it is
            // harmless to accept.
            if (line.equals("CHG") || line.equals("DEL") || line.equals("ADD")) {
                if (!actionAllowedHere) {
                    throw new Rejected(lineNumber, line + " must be the first line after BSM");
                }
                draft.action = Action.valueOf(line);
                continue;
            }
            Matcher element = ELEMENT.matcher(line);
            if (!element.matches()) {
                throw new Rejected(lineNumber,
                        "line is not an RP 1745 element (expected .X/...): '" + shown(line) + "'");
            }
            char code = element.group(1).charAt(0);
            if (Character.isLowerCase(code)) {
                throw new Rejected(lineNumber, "element code ." + code + "/ must be upper case (."
                        + Character.toUpperCase(code) + "/)");
            }
            draft.add(code, element.group(2), lineNumber);
        }
        return draft.build(joinedText(lines, bsmIndex, endIndex), bsmIndex + 1);
    }

    private static String joinedText(String[] lines, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append(lines[i].strip());
            if (i < to) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String shown(String line) {
        return line.length() <= MAX_SHOWN_CHARS ? line : line.substring(0, MAX_SHOWN_CHARS) + "...";
    }

    /** The fields of one message as its elements are read. */
    private static final class MessageDraft {
        private final LocalDate today;
        private final Set<Character> seen = new HashSet<>();
        private Action action = Action.ADD;
        private String versionAndSource;
        private String sourceStation;
        private char sourceIndicator;
        private FlightLeg inbound;
        private FlightLeg outbound;
        private final List<FlightLeg> onward = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private Integer pieces;
        private Integer weightKg;
        private String surname;
        private final List<String> givenNames = new ArrayList<>();
        private String pnr;
        private final List<String> exceptions = new ArrayList<>();
        private final List<String> irregularities = new ArrayList<>();

        MessageDraft(LocalDate today) {
            this.today = today;
        }

        void add(char code, String value, int line) {
            if (SINGLE_ELEMENTS.contains(code) && !seen.add(code)) {
                throw new Rejected(line, "." + code + "/ element appears more than once");
            }
            switch (code) {
                case 'V' -> readVersion(value, line);
                case 'I' -> inbound = readLeg(".I/", value, false, line);
                case 'F' -> outbound = readLeg(".F/", value, true, line);
                case 'O' -> onward.add(readLeg(".O/", value, true, line));
                case 'N' -> readTags(value, line);
                case 'W' -> readPiecesAndWeight(value, line);
                case 'P' -> readPassenger(value, line);
                case 'L' -> readPnr(value, line);
                case 'E' -> readExceptions(value, line);
                case 'B' -> readIrregularity(value, line);
                default -> { } // an element we do not use; RP 1745 allows it
            }
        }

        private void readVersion(String value, int line) {
            Matcher m = VERSION.matcher(value);
            if (!m.matches()) {
                throw new Rejected(line, ".V/ must be a version digit, a source indicator L, T or X and a"
                        + " 3-letter station (e.g. 1LOSL), got '" + shown(value) + "'");
            }
            versionAndSource = value;
            sourceIndicator = m.group(2).charAt(0);
            sourceStation = m.group(3);
        }

        private FlightLeg readLeg(String element, String value, boolean airportRequired, int line) {
            String[] fields = value.split("/", -1);
            if (fields.length < 2 || fields.length > 4) {
                throw new Rejected(line, element + " must be flight/date/airport[/class], got '" + shown(value) + "'");
            }
            Matcher flight = FLIGHT.matcher(fields[0]);
            if (!flight.matches()) {
                throw new Rejected(line, element + " flight '" + shown(fields[0]) + "' must be a 2-character"
                        + " airline code, a 1-4 digit number and an optional suffix letter");
            }
            String normalisedFlight = flight.group(1) + Integer.parseInt(flight.group(2))
                    + (flight.group(3) == null ? "" : flight.group(3));
            LocalDate date;
            try {
                date = DayMonth.parseNearest(fields[1], today);
            } catch (IllegalArgumentException badDate) {
                throw new Rejected(line, element + " " + badDate.getMessage());
            }
            String airport = fields.length > 2 && !fields[2].isEmpty() ? fields[2] : null;
            if (airport == null && airportRequired) {
                throw new Rejected(line, element + " must give the 3-letter destination airport");
            }
            if (airport != null && !AIRPORT.matcher(airport).matches()) {
                throw new Rejected(line, element + " airport '" + shown(airport) + "' must be 3 letters");
            }
            Character cabinClass = null;
            if (fields.length == 4 && !fields[3].isEmpty()) {
                if (!CLASS.matcher(fields[3]).matches()) {
                    throw new Rejected(line, element + " class '" + shown(fields[3]) + "' must be one letter");
                }
                cabinClass = fields[3].charAt(0);
            }
            return new FlightLeg(normalisedFlight, date, airport, cabinClass);
        }

        private void readTags(String value, int line) {
            Matcher m = TAG_AND_COUNT.matcher(value);
            if (!m.matches()) {
                throw new Rejected(line, ".N/ tag must be 10 digits followed by a 3-digit count, got '"
                        + shown(value) + "'");
            }
            String first = m.group(1);
            int count = Integer.parseInt(m.group(2));
            if (count == 0) {
                throw new Rejected(line, ".N/ count of consecutive tags must be 001 to 999, got 000");
            }
            // A tag is leading digit + 3-digit airline + 6-digit serial; a run must not spill into the airline.
            int serial = Integer.parseInt(first.substring(4));
            if (serial + count - 1 > 999_999) {
                throw new Rejected(line, ".N/ " + count + " consecutive tags from " + first
                        + " run past the tag's 6-digit serial number");
            }
            for (int i = 0; i < count; i++) {
                tags.add(first.substring(0, 4) + String.format("%06d", serial + i));
            }
        }

        private void readPiecesAndWeight(String value, int line) {
            Matcher m = PIECES_WEIGHT.matcher(value);
            String reason = ".W/ must be K/pieces/weight (kilos), L/pieces/weight (pounds) or P/pieces, got '"
                    + shown(value) + "'";
            if (!m.matches()) {
                throw new Rejected(line, reason);
            }
            char unit = m.group(1).charAt(0);
            Integer pieceCount = m.group(2).isEmpty() ? null : Integer.parseInt(m.group(2));
            Integer weight = m.group(3) == null || m.group(3).isEmpty() ? null : Integer.parseInt(m.group(3));
            boolean valid = unit == 'P' ? pieceCount != null && weight == null : pieceCount != null || weight != null;
            if (!valid) {
                throw new Rejected(line, reason);
            }
            pieces = pieceCount;
            weightKg = weight;
            if (weight != null && unit == 'L') {
                weightKg = (int) Math.round(weight * KG_PER_POUND);
            }
        }

        private void readPassenger(String value, int line) {
            Matcher m = PASSENGER.matcher(value);
            if (!m.matches()) {
                throw new Rejected(line, ".P/ must be an optional count, a surname and /given names"
                        + " (e.g. 1UHLE/PEGGYMRS), got '" + shown(value) + "'");
            }
            surname = m.group(2).strip();
            for (String given : m.group(3).split("/")) {
                if (!given.isBlank()) {
                    givenNames.add(given.strip());
                }
            }
        }

        private void readPnr(String value, int line) {
            Matcher m = PNR.matcher(value);
            if (!m.matches()) {
                throw new Rejected(line, ".L/ record locator must be 5 to 8 letters or digits, got '"
                        + shown(value) + "'");
            }
            pnr = m.group(1);
        }

        private void readExceptions(String value, int line) {
            for (String code : value.split("/", -1)) {
                if (!CODE.matcher(code).matches()) {
                    throw new Rejected(line, ".E/ exception code must be 2 to 8 letters or digits (e.g. RUSH),"
                            + " got '" + shown(code) + "'");
                }
                exceptions.add(code);
            }
        }

        // The optional tag after the code repeats bags already named in .N/, so only the code is kept.
        private void readIrregularity(String value, int line) {
            Matcher m = IRREGULARITY.matcher(value);
            if (!m.matches()) {
                throw new Rejected(line, ".B/ irregularity must be a 3-letter code (e.g. OFF), optionally"
                        + " followed by /tag and count, got '" + shown(value) + "'");
            }
            irregularities.add(m.group(1));
        }

        BsmMessage build(String text, int bsmLine) {
            if (versionAndSource == null) {
                throw new Rejected(bsmLine, "BSM has no .V/ element (version and source station)");
            }
            if (tags.isEmpty()) {
                throw new Rejected(bsmLine, "BSM has no .N/ element (bag tag numbers)");
            }
            if (outbound == null && action != Action.DEL) {
                throw new Rejected(bsmLine, "BSM has no .F/ element (outbound flight), required unless DEL");
            }
            return new BsmMessage(action, versionAndSource, sourceStation, sourceIndicator, inbound, outbound,
                    onward, tags, pieces, weightKg, surname, givenNames, pnr, exceptions, irregularities,
                    text, bsmLine);
        }
    }

    /** A message-level fault; caught per message so one bad message does not stop the others. */
    private static final class Rejected extends RuntimeException {
        private final int line;

        Rejected(int line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }
}
