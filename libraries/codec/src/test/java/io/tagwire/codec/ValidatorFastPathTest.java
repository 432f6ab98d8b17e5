package io.tagwire.codec;

import static io.tagwire.codec.WireText.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path accepts the plain valid messages it is built for, and never decides
 * anything the careful checks would decide otherwise: seeded random messages, valid and
 * broken in every way the validator knows, give the same result with and without it.
 */
class ValidatorFastPathTest {
    private static final String HEADER = "35=D|34=2|49=CLIENT|52=20261126-07:00:00.123|56=VENUE|";
    private static final String TIME = "20261126-07:00:00.123";

    /** FIX 4.4 messages the fast path takes, MsgType(35) onward. */
    private static final List<String> PLAIN_44 = List.of(
        HEADER + "11=order-1|21=1|38=002000.00|40=2|44=62000.5|54=1|55=BTCUSDT|59=1|60=" + TIME + "|",
        HEADER + "11=order-2|18=1 2|21=1|38=5|40=1|54=2|55=IBM|60=" + TIME + "|",
        "35=A|34=1|49=CLIENT|52=" + TIME + "|56=VENUE|98=0|108=30|141=Y|",
        "35=0|34=7|49=CLIENT|52=" + TIME + "|56=VENUE|112=ping|",
        "35=8|34=3|49=VENUE|52=" + TIME + "|56=CLIENT|115=BROKER|37=V-1|11=order-1|17=e-1|150=F|39=1|"
            + "55=BTCUSDT|54=1|38=2000|40=2|44=62000.5|32=500|31=62000.5|151=1500|14=500|6=62000.5|60=" + TIME + "|");

    /** FIX 4.4 messages with repeating groups, which the careful checks decide. */
    private static final List<String> WITH_GROUPS_44 = List.of(
        HEADER + "11=order-3|21=1|38=10|40=2|44=1.5|54=1|55=IBM|453=2|448=P1|447=D|452=1|448=P2|447=D|452=3|"
            + "59=0|60=" + TIME + "|",
        "35=V|34=4|49=CLIENT|52=" + TIME + "|56=VENUE|262=r1|263=1|264=0|267=2|269=0|269=1|146=1|55=BTCUSDT|");

    private final Dictionary fix44 = Dictionary.standard("FIX.4.4");
    private final FixMessage message = new FixMessage();
    private final ValidationResult fast = new ValidationResult();
    private final ValidationResult careful = new ValidationResult();

    private static byte[] wire44(String fromMsgType) {
        return frame("8=FIX.4.4|" + fromMsgType);
    }

    private static ValidatorFastPath fastPath(Dictionary session, Dictionary application) {
        ValidatorStructure structure = new ValidatorStructure(session, application, new ValidationSettings(),
            new ValidationTexts());
        return new ValidatorFastPath(session, structure, structure.tagLimit());
    }

    private void parse(byte[] bytes) {
        message.parse(bytes, 0, bytes.length);
    }

    @Test
    void acceptsPlainValidMessagesOnItsOwn() {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        for (String text : PLAIN_44) {
            parse(wire44(text));
            assertThat(fastPath.isValid(message, fix44, fix44.message(message.msgTypeKey()))).as(text).isTrue();
        }
    }

    @Test
    void remembersTheLayoutOfAPlainlyValidMessageAndChecksOnlyTheValuesOfTheNext() {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        MessageDefinition order = fix44.message(MsgTypeKey.of("D"));
        String text = PLAIN_44.get(0);
        parse(wire44(text));
        assertThat(fastPath.layoutFor(message, order)).isNull();
        assertThat(fastPath.isValid(message, fix44, order)).isTrue();
        ValidatorLayout layout = fastPath.layoutFor(message, order);
        assertThat(layout).isNotNull();

        parse(wire44(text.replace("order-1", "order-2").replace("62000.5", "61999.25")));
        assertThat(layout.isValid(message, order)).as("same tags, other values").isTrue();
        for (String bad : List.of("54=Z", "44=6200O.5", "38=1.2.3", "34=x", "21=", "60=20261126-07:00:61.123",
                "52=20261126-07:00:00.12a")) {
            String tag = bad.substring(0, bad.indexOf('=') + 1);
            String broken = text.replaceFirst("\\|" + tag + "[^|]*", "|" + bad);
            assertThat(broken).isNotEqualTo(text);
            parse(wire44(broken));
            assertThat(layout.isValid(message, order)).as(broken).isFalse();
            assertThat(fastPath.isValid(message, fix44, order)).as(broken).isFalse();
        }
        parse(wire44(text.replace("40=2|44=62000.5|", "44=62000.5|40=2|")));
        assertThat(layout.isValid(message, order)).as("same tags, other order").isFalse();
        parse(wire44(text));
        assertThat(layout.isValid(message, fix44.message(MsgTypeKey.of("G")))).as("other message").isFalse();
    }

    /**
     * A layout remembers the date and the time of the last valid timestamp: each value below
     * goes into SendingTime(52) and TransactTime(60) of the same layout, after the one before,
     * and is taken exactly when it is a valid timestamp, whatever it shares with the last valid one.
     */
    @Test
    void checksTimestampsThatShareTheLastValidDateOrTimeAsAnyOther() {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        MessageDefinition order = fix44.message(MsgTypeKey.of("D"));
        String text = PLAIN_44.get(0);
        parse(wire44(text));
        assertThat(fastPath.isValid(message, fix44, order)).isTrue();
        ValidatorLayout layout = fastPath.layoutFor(message, order);
        String[] values = {
            "20261127-07:00:00.123", // the date changes
            "20261127-07:00:01",
            "20261132-07:00:00.123", // day 32, the month of the last valid date
            "20261127-07:00:01.5",
            "20270229-07:00:01.5", // not a leap year
            "20280229-07:00:01.5",
            "20280229-24:00:01.5", // the last valid date, a bad hour
            "20280229-07:00:61.5", // the last valid date, a bad second
            "20280229-07:00:01.5",
            "20280229x07:00:01.5", // the last valid date and time, no '-'
            "20280229-07:00:01.", // the last valid date and time, a bad fraction
            "20280229-07:00:01.5a",
            "20280229-07:00:01.123456789012",
            "20280229-07:00:01.1234567890123", // thirteen digits
            "2028022907:00:01.5",
            "20280229-07:00:01",
            "20280229-07:00:0",
            "00000000-07:00:01", // a date no valid one shares bytes with
            "20000101-00:00:00", // what the layout remembers before it saw any
            "20000101-00:00:00.000"};
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
            boolean valid = FixValues.isUtcTimestamp(bytes, 0, bytes.length);
            for (String tag : List.of("52=", "60=")) {
                String broken = text.replace(tag + TIME, tag + value);
                parse(wire44(broken));
                assertThat(layout.isValid(message, order)).as(broken).isEqualTo(valid);
            }
            parse(wire44(text.replace(TIME, value)));
            assertThat(layout.isValid(message, order)).as("both " + value).isEqualTo(valid);
        }
        assertThat(Arrays.stream(values).filter(v -> {
            byte[] bytes = v.getBytes(StandardCharsets.US_ASCII);
            return FixValues.isUtcTimestamp(bytes, 0, bytes.length);
        }).count()).as("valid values among them").isEqualTo(9);
    }

    /** Every byte but SOH as HandlInst(21), OrdType(40), Side(54), TimeInForce(59) of a remembered layout. */
    @Test
    void takesAOneByteValueExactlyWhenTheCarefulChecksDo() {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        Validator validator = new Validator(fix44, fix44, new ValidationSettings());
        MessageDefinition order = fix44.message(MsgTypeKey.of("D"));
        byte[] bytes = wire44(PLAIN_44.get(0));
        parse(bytes);
        assertThat(fastPath.isValid(message, fix44, order)).isTrue();
        ValidatorLayout layout = fastPath.layoutFor(message, order);
        for (String field : List.of("21=", "40=", "54=", "59=")) {
            String wire = new String(bytes, StandardCharsets.ISO_8859_1);
            int at = wire.indexOf((char) Ascii.SOH + field) + 1 + field.length();
            byte original = bytes[at];
            int taken = 0;
            for (int c = 0; c < 256; c++) {
                if (c == Ascii.SOH) {
                    continue;
                }
                bytes[at] = (byte) c;
                parse(bytes);
                boolean valid = validator.validateCarefully(message, careful);
                assertThat(layout.isValid(message, order)).as("%s%d", field, c).isEqualTo(valid);
                taken += valid ? 1 : 0;
            }
            bytes[at] = original;
            assertThat(taken).as(field + " values taken").isEqualTo(fix44.enums(Integer.parseInt(field.substring(0,
                field.length() - 1))).size());
        }
    }

    @Test
    void remembersALayoutWithMoreOneByteFieldsThanItFirstHasRoomFor() {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        MessageDefinition order = fix44.message(MsgTypeKey.of("D"));
        String text = PLAIN_44.get(0).replace("59=1|", "59=1|77=O|528=A|");
        parse(wire44(text));
        assertThat(fastPath.isValid(message, fix44, order)).isTrue();
        ValidatorLayout layout = fastPath.layoutFor(message, order);
        parse(wire44(text));
        assertThat(layout.isValid(message, order)).isTrue();
        for (String bad : List.of("77=Z", "528=Z", "21=Z", "59=Z")) {
            String broken = text.replaceFirst("\\|" + bad.substring(0, bad.indexOf('=') + 1) + "[^|]*", "|" + bad);
            assertThat(broken).isNotEqualTo(text);
            parse(wire44(broken));
            assertThat(layout.isValid(message, order)).as(broken).isFalse();
        }
    }

    @Test
    void keepsTwoLayoutsOfTheSameMessageAndLengthThatTakeTurns() {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        MessageDefinition order = fix44.message(MsgTypeKey.of("D"));
        String limit = PLAIN_44.get(0);
        String swapped = limit.replace("54=1|55=BTCUSDT|", "55=BTCUSDT|54=1|");
        parse(wire44(limit));
        assertThat(fastPath.isValid(message, fix44, order)).isTrue();
        ValidatorLayout first = fastPath.layoutFor(message, order);
        parse(wire44(swapped));
        assertThat(fastPath.isValid(message, fix44, order)).isTrue();
        ValidatorLayout second = fastPath.layoutFor(message, order);
        assertThat(second).isNotSameAs(first);

        assertThat(second.isValid(message, order)).isTrue();
        parse(wire44(limit));
        assertThat(first.isValid(message, order)).as("the first layout is still there").isTrue();
        assertThat(fastPath.isValid(message, fix44, order)).isTrue();
        assertThat(fastPath.layoutFor(message, order)).as("the last used is tried first").isSameAs(first);
    }

    @Test
    void leavesMessagesWithGroupsToTheCarefulChecks() {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        Validator validator = new Validator(fix44, fix44, new ValidationSettings());
        for (String text : WITH_GROUPS_44) {
            parse(wire44(text));
            assertThat(fastPath.isValid(message, fix44, fix44.message(message.msgTypeKey()))).as(text).isFalse();
            assertThat(validator.validate(message, fast)).as(fast.toString()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"11=order-1|", "54=1|", "40=2|", "60=" + TIME + "|", "52=" + TIME + "|", "49=CLIENT|"})
    void passesOnARequiredFieldMissingRepeatedEmptyOrBad(String field) {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        String text = PLAIN_44.get(0);
        String tag = field.substring(0, field.indexOf('=') + 1);
        for (String broken : List.of(text.replace(field, ""), text.replace(field, field + field),
                text.replace(field, tag + "|"))) {
            parse(wire44(broken));
            assertThat(fastPath.isValid(message, fix44, fix44.message(message.msgTypeKey()))).as(broken).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"38=2k|", "44=1.2.3|", "21=Z|", "21=11|", "59=|", "34=-|", "52=20261126-07:60:00|",
        "60=20260230-07:00:00|"})
    void passesOnABadValue(String field) {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        String text = PLAIN_44.get(0);
        String tag = field.substring(0, field.indexOf('=') + 1);
        String broken = text.replaceFirst("\\|" + tag + "[^|]*", "|" + field.substring(0, field.length() - 1));
        assertThat(broken).isNotEqualTo(text);
        parse(wire44(broken));
        assertThat(fastPath.isValid(message, fix44, fix44.message(message.msgTypeKey()))).as(broken).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"112=x|", "5001=x|", "9999=x|", "52=" + TIME + "|", "10=000|"})
    void passesOnAFieldWhereItDoesNotBelong(String field) {
        ValidatorFastPath fastPath = fastPath(fix44, fix44);
        String text = PLAIN_44.get(0);
        for (byte[] bytes : List.of(wire44(text.replace("|11=", "|" + field + "11=")),
                WireText.concat(wire44(text), WireText.raw(field)))) {
            parse(bytes);
            assertThat(fastPath.isValid(message, fix44, fix44.message(message.msgTypeKey())))
                .as(WireText.latin1(bytes)).isFalse();
        }
    }

    @Test
    void givesTheCarefulResultForSeededRandomFix44Messages() {
        List<String> bases = new ArrayList<>(PLAIN_44);
        bases.addAll(WITH_GROUPS_44);
        int accepted = differential(fix44, fix44, "8=FIX.4.4|", bases, 0x7a617721L, 20_000);
        assertThat(accepted).as("messages the fast path took").isGreaterThan(2_000);
    }

    @Test
    void givesTheCarefulResultForSeededRandomFixt11Messages() {
        Dictionary fixt = Dictionary.standard("FIXT.1.1");
        Dictionary fix50sp2 = Dictionary.standard("FIX.5.0SP2");
        List<String> bases = List.of(
            "35=A|34=1|49=CLIENT|52=" + TIME + "|56=VENUE|98=0|108=30|1137=9|",
            "35=0|34=7|49=CLIENT|52=" + TIME + "|56=VENUE|112=ping|",
            HEADER + "11=order-1|38=2000|40=2|44=62000.5|54=1|55=BTCUSDT|59=1|60=" + TIME + "|",
            HEADER + "11=order-3|38=10|40=2|44=1.5|54=1|55=IBM|453=1|448=P1|447=D|452=1|60=" + TIME + "|");
        int accepted = differential(fixt, fix50sp2, "8=FIXT.1.1|", bases, 0x11L, 10_000);
        assertThat(accepted).as("messages the fast path took").isGreaterThan(1_000);
    }

    /** Validates mutants of {@code bases} with and without the fast path; the number the fast path took. */
    private int differential(Dictionary session, Dictionary application, String begin, List<String> bases,
            long seed, int count) {
        Random random = new Random(seed);
        ValidatorFastPath fastPath = fastPath(session, application);
        // one validator per settings, reused, so later messages meet the layouts earlier ones left
        Validator[] validators = new Validator[32];
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            int bits = random.nextInt(4) == 0 ? random.nextInt(32) : 0b10111;
            ValidationSettings settings = new ValidationSettings()
                .validateFieldsOutOfOrder((bits & 1) != 0)
                .validateFieldsHaveValues((bits & 2) != 0)
                .validateUserDefinedFields((bits & 4) != 0)
                .allowUnknownMsgFields((bits & 8) != 0)
                .validateUnorderedGroupFields((bits & 16) != 0);
            if (validators[bits] == null) {
                validators[bits] = new Validator(session, application, settings);
            }
            Validator validator = validators[bits];
            List<String> fields = new ArrayList<>(Arrays.asList(bases.get(random.nextInt(bases.size())).split("\\|")));
            int mutations = random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                mutate(fields, random);
            }
            String piped = begin + String.join("|", fields) + "|";
            byte[] bytes = frame(piped);
            message.dataFields(application.dataFields());
            parse(bytes);
            boolean fastOk = validator.validate(message, fast);
            boolean carefulOk = validator.validateCarefully(message, careful);
            String seen = piped + " with " + settings;
            assertThat(describe(fast)).as(seen).isEqualTo(describe(careful));
            assertThat(fastOk).as(seen).isEqualTo(carefulOk);
            MessageDefinition definition = definition(session, application, message.msgTypeKey());
            if (definition != null && fastPath.isValid(message, bodyDictionary(session, application, definition),
                    definition)) {
                assertThat(carefulOk).as("taken as plainly valid: " + seen).isTrue();
                accepted++;
            }
        }
        return accepted;
    }

    private static MessageDefinition definition(Dictionary session, Dictionary application, long msgType) {
        MessageDefinition definition = session.message(msgType);
        return application == session || definition != null && definition.isAdmin()
            ? definition : application.message(msgType);
    }

    private static Dictionary bodyDictionary(Dictionary session, Dictionary application, MessageDefinition definition) {
        return session.message(definition.msgTypeKey()) == definition ? session : application;
    }

    private static final String[] ODD_TAGS = {"1", "58", "5001", "9999", "20000", "0", "-1", "453", "448", "269",
        "52", "34", "115", "93", "89", "10", "35", "8", "9", "98", "55", "1128"};
    private static final String[] ODD_VALUES = {"", "Z", "99", "x1", "1 2", "1  2", "-3", "0.5.1", "2026113-07:00:00",
        "20261126-24:00:00", "20260229-07:00:00", "20240229-23:59:60.1", "Y", "N", "A", "2", "00012", "2147483648"};

    /** One change of the kinds the validator must notice, or must not mind. */
    private static void mutate(List<String> fields, Random random) {
        int size = fields.size();
        int at = random.nextInt(size);
        String field = fields.get(at);
        String tag = field.substring(0, field.indexOf('='));
        switch (random.nextInt(10)) {
            case 0:
                fields.remove(at);
                break;
            case 1:
                fields.add(random.nextInt(size + 1), field);
                break;
            case 2:
                fields.set(at, tag + "=" + ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
                break;
            case 3:
                fields.add(random.nextInt(size + 1),
                    ODD_TAGS[random.nextInt(ODD_TAGS.length)] + "=" + ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
                break;
            case 4:
                fields.add(random.nextInt(size), fields.remove(at));
                break;
            case 5:
                fields.add(size, ODD_TAGS[random.nextInt(ODD_TAGS.length)] + "=1");
                break;
            case 6:
                // a count that is not the number of entries, or not a number
                fields.set(at, tag + "=" + (random.nextBoolean() ? random.nextInt(4) : "two"));
                break;
            case 7:
            case 8:
                // the same layout with other digits: mostly valid, sometimes a month 13 or a second 61
                char[] value = field.toCharArray();
                for (int k = tag.length() + 1; k < value.length; k++) {
                    if (Character.isDigit(value[k]) && random.nextInt(3) == 0) {
                        value[k] = (char) ('0' + random.nextInt(10));
                    }
                }
                fields.set(at, new String(value));
                break;
            default:
                fields.set(at, field + "|" + ODD_TAGS[random.nextInt(ODD_TAGS.length)] + "=" + random.nextInt(3));
                break;
        }
    }

    private static String describe(ValidationResult result) {
        return result + " garbled=" + result.garbled() + " hasRefTagId=" + result.hasRefTagId()
            + " fieldIndex=" + result.fieldIndex();
    }
}
