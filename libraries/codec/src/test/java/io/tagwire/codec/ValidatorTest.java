package io.tagwire.codec;

import static io.tagwire.codec.WireText.frame;
import static io.tagwire.codec.WireText.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static final String HEADER_44 = "8=FIX.4.4|35=D|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|";
    private static final String ORDER_44 = HEADER_44
        + "11=ID1|21=1|38=100|40=2|44=10.5|54=1|55=IBM|59=0|60=20261126-07:00:00.000|";

    private final Dictionary fix44 = Dictionary.standard("FIX.4.4");
    private final ValidationResult result = new ValidationResult();

    private boolean validate(Dictionary dictionary, ValidationSettings settings, byte[] bytes) {
        return validate(dictionary, dictionary, settings, bytes);
    }

    private boolean validate(Dictionary session, Dictionary application, ValidationSettings settings, byte[] bytes) {
        FixMessage message = new FixMessage(application.dataFields(), 64);
        message.parse(bytes, 0, bytes.length);
        return new Validator(session, application, settings).validate(message, result);
    }

    private boolean validate44(String piped) {
        return validate(fix44, new ValidationSettings(), frame(piped));
    }

    private void assertRejected(int reason, int refTagId, String text) {
        assertThat(result.ok()).as("ok").isFalse();
        assertThat(result.garbled()).as("garbled").isFalse();
        assertThat(result.sessionRejectReason()).as("373").isEqualTo(reason);
        assertThat(result.refTagId()).as("371").isEqualTo(refTagId);
        assertThat(result.hasRefTagId()).isTrue();
        assertThat(result.text()).as("58").isEqualTo(text);
    }

    @Test
    void acceptsAValidNewOrderSingle() {
        assertThat(validate44(ORDER_44)).as(result.toString()).isTrue();
        assertThat(result.ok()).isTrue();
        assertThat(result.sessionRejectReason()).isEqualTo(ValidationResult.NO_REASON);
        assertThat(result.text()).isNull();
    }

    @Test
    void reportsATagThatIsNotANumberAsGarbled() {
        assertThat(validate44(HEADER_44.replace("49=TW", "4garbled9=TW") + "11=ID1|")).isFalse();

        assertThat(result.garbled()).isTrue();
        assertThat(result.sessionRejectReason()).isEqualTo(ValidationResult.NO_REASON);
        assertThat(result.hasRefTagId()).isFalse();
        assertThat(result.text()).isEqualTo("Message failed basic validity check");
    }

    @Test
    void reportsAMessageNotStartingWithBeginStringBodyLengthMsgTypeAsGarbled() {
        assertThat(validate(fix44, new ValidationSettings(),
            raw("8=FIX.4.4|9=51|34=3|35=0|49=TW|52=20261126-07:00:00.000|56=ISLD|10=000|"))).isFalse();

        assertThat(result.garbled()).isTrue();
    }

    @Test
    void rejectsAnUndefinedTagWithReason0() {
        validate44("8=FIX.4.4|35=0|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|999=HI|");

        assertRejected(0, 999, "Invalid tag number, field=999");
        assertThat(result.fieldIndex()).isEqualTo(7);
    }

    @Test
    void rejectsTagZeroAndNegativeTagsAsInvalidTagNumbers() {
        validate44("8=FIX.4.4|35=0|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|0=HI|");
        assertRejected(0, 0, "Invalid tag number, field=0");

        validate44("8=FIX.4.4|35=0|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|-1=HI|");
        assertRejected(0, -1, "Invalid tag number, field=-1");
    }

    @Test
    void rejectsUserDefinedTagsOnlyWhenValidateUserDefinedFields() {
        String heartbeat = "8=FIX.4.4|35=0|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|5000=HI|";
        validate44(heartbeat);
        assertRejected(0, 5000, "Invalid tag number, field=5000");

        assertThat(validate(fix44, new ValidationSettings().validateUserDefinedFields(false), frame(heartbeat)))
            .isTrue();
    }

    @Test
    void rejectsAMissingRequiredHeaderFieldWithReason1() {
        validate44("8=FIX.4.4|35=0|34=2|49=TW|52=20261126-07:00:00.000|");

        assertRejected(1, 56, "Required tag missing, field=56");
        assertThat(result.fieldIndex()).isEqualTo(-1);
    }

    @Test
    void rejectsAMissingRequiredBodyFieldWithReason1() {
        validate44(ORDER_44.replace("55=IBM|", ""));

        assertRejected(1, 55, "Required tag missing, field=55");
    }

    @Test
    void doesNotRequireTheRequiredFieldsOfAnOptionalComponent() {
        // SecurityDefinition(d) references Instrument with required='N'; Symbol(55) is required in it
        assertThat(validate44("8=FIX.4.4|35=d|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|320=R1|322=S1|323=1|"))
            .as(result.toString()).isTrue();
    }

    @Test
    void rejectsAMissingRequiredMemberOfARequiredGroupEntry() {
        String massQuote = "8=FIX.4.4|35=i|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|117=Q1|"
            + "296=1|302=S1|304=1|295=1|299=E1|";
        assertThat(validate44(massQuote)).as(result.toString()).isTrue();

        validate44(massQuote.replace("304=1|", ""));

        assertRejected(1, 304, "Required tag missing, field=304");
    }

    @Test
    void rejectsATagNotDefinedForTheMessageTypeWithReason2() {
        String heartbeat = "8=FIX.4.4|35=0|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|55=MSFT|";
        validate44(heartbeat);
        assertRejected(2, 55, "Tag not defined for this message type, field=55");

        assertThat(validate(fix44, new ValidationSettings().allowUnknownMsgFields(true), frame(heartbeat))).isTrue();
    }

    @Test
    void rejectsAnUnknownMsgTypeWithReason11() {
        validate44("8=FIX.4.4|35=*|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|");

        assertRejected(11, 35, "Invalid MsgType, field=35");
    }

    @Test
    void rejectsAnEmptyValueWithReason4() {
        String order = ORDER_44.replace("49=TW|", "49=TW|115=|");
        validate44(order);
        assertRejected(4, 115, "Tag specified without a value, field=115");

        assertThat(validate(fix44, new ValidationSettings().validateFieldsHaveValues(false), frame(order))).isTrue();
    }

    @Test
    void rejectsAValueThatIsNotOneOfTheEnumsWithReason5() {
        validate44(ORDER_44.replace("21=1|", "21=4|"));

        assertRejected(5, 21, "Value is incorrect (out of range) for this tag, field=21");
    }

    @Test
    void acceptsAnyValueOfAFieldThatAllowsOtherValues() {
        // SymbolSfx(65) has allowOtherValues="true" in FIX44.xml
        assertThat(validate44(ORDER_44.replace("55=IBM|", "55=IBM|65=ANYTHING|"))).as(result.toString()).isTrue();
    }

    @Test
    void checksEveryValueOfAMultipleValueStringField() {
        assertThat(validate44(ORDER_44 + "18=1 2 G|")).as(result.toString()).isTrue();

        validate44(ORDER_44 + "18=1 ?|");

        assertRejected(5, 18, "Value is incorrect (out of range) for this tag, field=18");
    }

    @Test
    void rejectsAValueOfTheWrongFormatWithReason6() {
        validate44(ORDER_44.replace("38=100|", "38=+200.00|"));

        assertRejected(6, 38, "Incorrect data format for value, field=38");
    }

    @Test
    void acceptsTimestampsUpToPicosecondsAndRejectsFinerOnes() {
        assertThat(validate44(ORDER_44.replace("60=20261126-07:00:00.000", "60=20170408-00:00:00.123456789123")))
            .isTrue();

        validate44(ORDER_44.replace("60=20261126-07:00:00.000", "60=20170408-00:00:00.123456789123456"));

        assertRejected(6, 60, "Incorrect data format for value, field=60");
    }

    @Test
    void rejectsARepeatedTagWithReason13() {
        validate44(ORDER_44.replace("54=1|", "54=1|40=2|"));

        assertRejected(13, 40, "Tag appears more than once, field=40");
    }

    @Test
    void rejectsAHeaderFieldAfterTheBodyWithReason14() {
        String order = "8=FIX.4.4|35=D|55=MSFT|34=3|49=TW|52=20261126-07:00:00.000|56=ISLD|11=id|21=3|40=1|54=1|"
            + "60=20261126-07:00:00.000|";
        validate44(order);
        assertRejected(14, 34, "Tag specified out of required order, field=34");

        assertThat(validate(fix44, new ValidationSettings().validateFieldsOutOfOrder(false), frame(order)))
            .as(result.toString()).isTrue();
    }

    @Test
    void rejectsABodyFieldAfterTheTrailerBeganWithReason14() {
        validate44(ORDER_44 + "93=2|89=ab|58=late|");

        assertRejected(14, 58, "Tag specified out of required order, field=58");
    }

    @Test
    void rejectsANumInGroupCountThatIsNotTheNumberOfEntriesWithReason16() {
        validate44(ORDER_44.replace("55=IBM|", "55=IBM|386=3|336=PRE-OPEN|336=AFTER-HOURS|"));

        assertRejected(16, 386, "Incorrect NumInGroup count for repeating group, field=386");
    }

    @Test
    void acceptsARepeatingGroupCountOfZero() {
        assertThat(validate44("8=FIX.4.4|35=d|34=2|49=TW|56=ISLD|52=20261126-07:00:00.000|320=JCD1091-20021011|"
            + "322=1034356488676|323=6|55=TBS|22=8|167=CS|336=ONE_MAIN|58=No Products found|454=0|"))
            .as(result.toString()).isTrue();
    }

    @Test
    void rejectsAGroupEntryThatDoesNotStartWithItsDelimiter() {
        Dictionary fix42 = Dictionary.standard("FIX.4.2");
        validate(fix42, new ValidationSettings(), frame("8=FIX.4.2|35=D|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|"
            + "11=ID|21=1|40=1|54=1|38=200.00|55=INTC|78=2|80=50|79=acct1|80=150|79=acct2|60=20261126-07:00:00.000|"));

        assertRejected(15, 80, "The group 78 must set the delimiter field 79");
    }

    @Test
    void rejectsAMissingDelimiterOfANestedGroupsParent() {
        validate44("8=FIX.4.4|35=C|34=2|49=TW|56=ISLD|52=20261126-07:00:00.000|164=thread-id|94=0|147=subject|"
            + "146=1|864=1|865=1|33=1|58=test|");

        assertRejected(15, 864, "The group 146 must set the delimiter field 55");
    }

    @Test
    void rejectsGroupMembersOutOfOrderWithReason15() {
        String order = ORDER_44.replace("55=IBM|", "55=IBM|78=2|79=acct1|80=50|661=1|79=acct2|80=150|661=1|");
        validate44(order);
        assertRejected(15, 661, "Out of order repeating group members, field=661");

        assertThat(validate(fix44, new ValidationSettings().validateUnorderedGroupFields(false), frame(order)))
            .as(result.toString()).isTrue();
    }

    @Test
    void rejectsAnUnknownFieldInsideAGroupAsNotDefinedForTheMessage() {
        validate44(ORDER_44.replace("55=IBM|", "55=IBM|453=1|448=P1|447=D|4999=X|452=1|"));

        assertRejected(2, 4999, "Tag not defined for this message type, field=4999");
    }

    @Test
    void acceptsNestedGroups() {
        assertThat(validate44(ORDER_44.replace("55=IBM|",
            "55=IBM|453=2|448=P1|447=D|452=1|802=2|523=S1|803=1|523=S2|803=2|448=P2|447=D|452=3|")))
            .as(result.toString()).isTrue();
    }

    @Test
    void rejectsAWrongCountOfANestedGroup() {
        validate44(ORDER_44.replace("55=IBM|", "55=IBM|453=1|448=P1|447=D|452=1|802=2|523=S1|803=1|"));

        assertRejected(16, 802, "Incorrect NumInGroup count for repeating group, field=802");
    }

    @Test
    void checksAdminMessagesWithTheTransportDictionaryAndOthersWithTheApplicationDictionary() {
        Dictionary fixt = Dictionary.standard("FIXT.1.1");
        Dictionary fix50sp2 = Dictionary.standard("FIX.5.0SP2");
        ValidationSettings settings = new ValidationSettings();

        assertThat(validate(fixt, fix50sp2, settings, frame("8=FIXT.1.1|35=A|34=1|49=TW|52=20261126-07:00:00.000|"
            + "56=ISLD|98=0|108=30|1137=9|"))).as(result.toString()).isTrue();
        assertThat(validate(fixt, fix50sp2, settings, frame(ORDER_44.replace("8=FIX.4.4", "8=FIXT.1.1"))))
            .as(result.toString()).isTrue();
        // TradeCaptureReportRequest(AD) is not among FIXT.1.1's MsgType(35) enums, and need not be
        assertThat(validate(fixt, fix50sp2, settings, frame("8=FIXT.1.1|35=AD|34=2|49=TW|52=20261126-07:00:00.000|"
            + "56=ISLD|568=R1|569=0|"))).as(result.toString()).isTrue();

        validate(fixt, fix50sp2, settings, frame("8=FIXT.1.1|35=0|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|58=Hi|"));
        assertRejected(2, 58, "Tag not defined for this message type, field=58");
    }

    @Test
    void validatesBinanceVenueMessagesWithItsOwnDictionary() {
        Path file = Paths.get("../../../shared/venues/binance/spot-fix-oe.xml");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(file), "no " + file);
        Dictionary binance = Dictionary.load(file);
        String header = "8=FIX.4.4|35=XCN|34=2|49=EXAMPLE|52=20261126-07:00:00.000|56=SPOT|";

        assertThat(validate(binance, new ValidationSettings(), frame(header
            + "25033=1|41=OLD1|11=NEW1|38=1|40=2|44=50000|54=1|55=BTCUSDT|59=1|"))).as(result.toString()).isTrue();

        validate(binance, new ValidationSettings(), frame(header + "25033=1|41=OLD1|11=NEW1|38=1|40=2|44=50000|54=1|"));
        assertRejected(1, 55, "Required tag missing, field=55");
    }

    @Test
    void reportsTheSameTextInstanceForTheSameProblem() {
        Validator validator = new Validator(fix44, fix44, new ValidationSettings());
        FixMessage message = new FixMessage(fix44.dataFields(), 64);
        byte[] bytes = frame(ORDER_44.replace("54=1|", "54=1|40=2|"));
        message.parse(bytes, 0, bytes.length);

        validator.validate(message, result);
        String first = result.text();
        validator.validate(message, result);

        assertThat(result.text()).isSameAs(first);
    }

    @Test
    void neverThrowsWhateverTheBytes() {
        Dictionary fixt = Dictionary.standard("FIXT.1.1");
        Dictionary fix50sp2 = Dictionary.standard("FIX.5.0SP2");
        Validator[] validators = {
            new Validator(fix44, fix44, new ValidationSettings()),
            new Validator(fixt, fix50sp2, new ValidationSettings().validateFieldsOutOfOrder(false)
                .validateUnorderedGroupFields(false).allowUnknownMsgFields(true).validateFieldsHaveValues(false)),
        };
        byte[][] seeds = {
            frame(ORDER_44.replace("55=IBM|", "55=IBM|453=2|448=P1|447=D|452=1|802=1|523=S|803=1|448=P2|447=D|")),
            frame("8=FIX.4.4|35=W|34=2|49=ISLD|52=20261126-07:00:00.000|56=TW|55=X|268=2|269=0|270=1|269=1|270=2|"),
            frame("8=FIXT.1.1|35=A|34=1|49=TW|52=20261126-07:00:00.000|56=ISLD|95=3|96=a=b|98=0|108=30|1137=9|"),
        };
        byte[] alphabet = raw("|=0123456789-.:ADW8X");
        java.util.Random random = new java.util.Random(7);
        FixMessage message = new FixMessage();
        for (int i = 0; i < 100_000; i++) {
            byte[] seed = seeds[random.nextInt(seeds.length)];
            byte[] bytes = java.util.Arrays.copyOf(seed, seed.length + 4);
            int length = seed.length;
            for (int e = random.nextInt(4); e >= 0; e--) {
                int at = random.nextInt(length);
                int kind = random.nextInt(3);
                if (kind == 0) {
                    bytes[at] = alphabet[random.nextInt(alphabet.length)];
                } else if (kind == 1 && length > 1) {
                    System.arraycopy(bytes, at + 1, bytes, at, length - at - 1);
                    length--;
                } else if (length < bytes.length) {
                    System.arraycopy(bytes, at, bytes, at + 1, length - at);
                    bytes[at] = alphabet[random.nextInt(alphabet.length)];
                    length++;
                }
            }
            message.parse(bytes, 0, length);
            boolean valid = validators[i & 1].validate(message, result);
            assertThat(valid).isEqualTo(result.ok());
            assertThat(result.text() == null).isEqualTo(valid);
        }
    }

    @Test
    void validatesANewOrderSingleWithoutAllocating() {
        Validator validator = new Validator(fix44, fix44, new ValidationSettings());
        FixMessage message = new FixMessage(fix44.dataFields(), 64);
        byte[] bytes = frame(ORDER_44.replace("55=IBM|", "55=IBM|453=1|448=P1|447=D|452=1|"));
        message.parse(bytes, 0, bytes.length);
        for (int i = 0; i < 20_000; i++) {
            validator.validate(message, result);
        }
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(thread);
        boolean valid = true;
        for (int i = 0; i < 10_000; i++) {
            valid &= validator.validate(message, result);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(valid).as(result.toString()).isTrue();
        assertThat(allocated).as("bytes allocated by 10,000 validations").isLessThan(1024);
    }
}
