package io.tagwire.codec;

import static io.tagwire.codec.WireText.frame;
import static io.tagwire.codec.WireText.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FixMessageTest {
    /** The Binance logon signature example from shared/venues/VENUES.md, as sent. */
    static final String BINANCE_LOGON = "8=FIX.4.4|9=247|35=A|34=1|49=EXAMPLE|52=20240627-11:17:25.223|56=SPOT|95=88|"
        + "96=4MHXelVVcpkdwuLbl6n73HQUXUf1dse2PCgT1DYqW9w8AVZ1RACFGM+5UdlGPrQHrgtS3CvsRURC1oj73j8gCA==|98=0|108=30|"
        + "141=Y|553=sBRXrJx2DsOraMXOaUovEhgVRcjOvCtQwnWj8VxkOh1xqboS02SPGfKi2h8spZJb|25035=2|10=227|";

    private final FixMessage message = new FixMessage();

    @Test
    void indexesTheBinanceLogonExample() {
        byte[] bytes = raw(BINANCE_LOGON);
        FixFramer framer = new FixFramer(4096);
        assertThat(framer.scan(bytes, 0, bytes.length)).isEqualTo(FixFramer.FRAME);
        assertThat(framer.checksumValid()).as("the published example's CheckSum").isTrue();

        assertThat(message.parse(bytes, 0, bytes.length)).isEqualTo(FixMessage.PARSE_OK);

        assertThat(message.fieldCount()).isEqualTo(15);
        assertThat(message.msgTypeKey()).isEqualTo('A');
        assertThat(message.msgType().toString()).isEqualTo("A");
        assertThat(message.getInt(34, -1)).isEqualTo(1);
        assertThat(message.getString(49)).isEqualTo("EXAMPLE");
        assertThat(message.getInt(95, -1)).isEqualTo(88);
        assertThat(message.getString(96)).hasSize(88).endsWith("8gCA==");
        assertThat(message.getBoolean(141, false)).isTrue();
        assertThat(message.getInt(25035, -1)).isEqualTo(2);
        assertThat(message.getUtcTimestamp(52, 0))
            .isEqualTo(toNanos(Instant.parse("2024-06-27T11:17:25.223Z")));
        assertThat(message.tagAt(message.fieldCount() - 1)).isEqualTo(10);
    }

    @Test
    void readsRawDataByItsLengthEvenWhenItHoldsSoh() {
        byte[] bytes = frame("8=FIX.4.4|35=A|34=1|49=A|52=20261126-07:00:00.000|56=B|95=7|96=ab|c=|d|98=0|108=30|");

        assertThat(message.parse(bytes, 0, bytes.length)).isEqualTo(FixMessage.PARSE_OK);

        int index = message.indexOf(96);
        assertThat(message.valueLength(index)).isEqualTo(7);
        assertThat(message.stringAt(index)).isEqualTo("ab\u0001c=\u0001d");
        assertThat(message.getInt(98, -1)).isZero();
        assertThat(message.getInt(108, -1)).isEqualTo(30);
    }

    @Test
    void aDataLengthBeyondTheMessageFallsBackToTheDelimiterAndSaysSo() {
        byte[] bytes = frame("8=FIX.4.4|35=A|95=500|96=abc|98=0|");

        assertThat(message.parse(bytes, 0, bytes.length)).isEqualTo(FixMessage.PARSE_BAD_DATA_LENGTH);
        assertThat(message.getString(96)).isEqualTo("abc");
        assertThat(message.getInt(98, -1)).isZero();
    }

    @Test
    void readsFixedPointDecimalsKeepingTheWireScale() {
        byte[] bytes = frame("8=FIX.4.4|35=D|38=002000.00|44=62000.5|99=-0.0001|");
        message.parse(bytes, 0, bytes.length);
        Decimal decimal = new Decimal();

        assertThat(message.getDecimal(38, decimal)).isTrue();
        assertThat(decimal.mantissa()).isEqualTo(200000);
        assertThat(decimal.scale()).isEqualTo(2);
        message.getDecimal(44, decimal);
        assertThat(decimal.mantissa()).isEqualTo(620005);
        assertThat(decimal.scale()).isEqualTo(1);
        assertThat(decimal.toScale(8)).isEqualTo(6_200_050_000_000L);
        message.getDecimal(99, decimal);
        assertThat(decimal.toString()).isEqualTo("-0.0001");
        assertThat(message.getDecimal(9999, decimal)).isFalse();
    }

    @Test
    void readsUtcTimestampsAtEveryPrecision() {
        byte[] bytes = frame("8=FIX.4.4|35=8|52=20261126-07:00:01|60=20261126-07:00:01.5|"
            + "122=20261126-07:00:01.123456|42=20261126-07:00:01.123456789|126=20261126-07:00:01.123456789123|");
        message.parse(bytes, 0, bytes.length);
        long second = toNanos(Instant.parse("2026-11-26T07:00:01Z"));

        assertThat(message.getUtcTimestamp(52, 0)).isEqualTo(second);
        assertThat(message.getUtcTimestamp(60, 0)).isEqualTo(second + 500_000_000);
        assertThat(message.getUtcTimestamp(122, 0)).isEqualTo(second + 123_456_000);
        assertThat(message.getUtcTimestamp(42, 0)).isEqualTo(second + 123_456_789);
        assertThat(message.getUtcTimestamp(126, 0)).as("picoseconds truncated").isEqualTo(second + 123_456_789);
    }

    @Test
    void readsDatesTimesAndMonthYears() {
        byte[] bytes = frame("8=FIX.4.4|35=d|75=20240229|432=19991231|200=202612|541=20261218|2001=202612w3|273=23:59:60.250|");
        message.parse(bytes, 0, bytes.length);

        assertThat(message.getDate(75, 0)).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(message.getDate(432, 0)).isEqualTo((int) LocalDate.of(1999, 12, 31).toEpochDay());
        assertThat(message.monthYearAt(message.indexOf(200))).isEqualTo(202612_000);
        assertThat(message.monthYearAt(message.indexOf(2001))).isEqualTo(202612_103);
        assertThat(message.utcTimeOnlyAt(message.indexOf(273)))
            .as("leap second").isEqualTo(((23 * 60 + 59) * 60 + 60) * 1_000_000_000L + 250_000_000L);
        assertThat(message.getDate(541, 0)).isEqualTo((int) LocalDate.of(2026, 12, 18).toEpochDay());
    }

    @Test
    void readsCharsBooleansAndCharSequenceViewsWithoutCopying() {
        byte[] bytes = frame("8=FIX.4.4|35=D|54=1|43=Y|97=N|55=BTCUSDT|");
        message.parse(bytes, 0, bytes.length);
        AsciiSequence view = new AsciiSequence();

        assertThat(message.getChar(54, ' ')).isEqualTo('1');
        assertThat(message.getBoolean(43, false)).isTrue();
        assertThat(message.getBoolean(97, true)).isFalse();
        assertThat(message.getString(55, view)).isTrue();
        assertThat(view.buffer()).isSameAs(bytes);
        assertThat(view.contentEquals("BTCUSDT")).isTrue();
        assertThat(view.toString()).isEqualTo("BTCUSDT");
        assertThat(message.getChar(9999, 'x')).isEqualTo('x');
    }

    @Test
    void aValueOfTheWrongFormatThrowsNamingTheTag() {
        byte[] bytes = frame("8=FIX.4.4|35=0|34=abc|");
        message.parse(bytes, 0, bytes.length);

        assertThatThrownBy(() -> message.getInt(34, 0)).isInstanceOf(FieldFormatException.class)
            .hasMessageContaining("field=34");
    }

    @Test
    void repeatedTagsAndGroupsStayInWireOrder() {
        byte[] bytes = frame("8=FIX.4.4|35=D|453=2|448=A|447=D|452=1|448=B|447=D|452=3|55=X|");
        message.parse(bytes, 0, bytes.length);

        int first = message.indexOf(448);
        int second = message.indexOf(448, first + 1);
        assertThat(message.stringAt(first)).isEqualTo("A");
        assertThat(message.stringAt(second)).isEqualTo("B");
        assertThat(message.indexOf(448, second + 1)).isEqualTo(-1);
        assertThat(message.getInt(453, 0)).isEqualTo(2);
    }

    @Test
    void aTagThatIsNotANumberIsIndexedAsInvalidAndParsingGoesOn() {
        byte[] bytes = raw("8=FIX.4.4|9=5|35=0|4garbled9=TW|=x|56=ISLD|10=000|");

        assertThat(message.parse(bytes, 0, bytes.length)).isEqualTo(FixMessage.PARSE_INVALID_TAG);

        assertThat(message.parseErrorIndex()).isEqualTo(3);
        assertThat(message.tagAt(3)).isEqualTo(FixMessage.INVALID_TAG);
        assertThat(message.tagAt(4)).isEqualTo(FixMessage.INVALID_TAG);
        assertThat(message.getString(56)).isEqualTo("ISLD");
    }

    @Test
    void numericTagsThatAreNotValidTagsAreIndexedAsNumbersForValidationToReject() {
        byte[] bytes = frame("8=FIX.4.1|35=0|34=3|0=HI|-1=HO|56=ISLD|");

        assertThat(message.parse(bytes, 0, bytes.length)).isEqualTo(FixMessage.PARSE_OK);
        assertThat(message.tagAt(4)).isZero();
        assertThat(message.stringAt(4)).isEqualTo("HI");
        assertThat(message.tagAt(5)).isEqualTo(-1);
        assertThat(message.stringAt(5)).isEqualTo("HO");
    }

    @Test
    void anEmptyValueIsIndexedWithLengthZero() {
        byte[] bytes = frame("8=FIX.4.4|35=D|58=|55=X|");
        message.parse(bytes, 0, bytes.length);

        assertThat(message.valueLength(message.indexOf(58))).isZero();
        assertThat(message.getString(55)).isEqualTo("X");
    }

    @Test
    void aMissingFinalDelimiterIsAParseError() {
        byte[] bytes = raw("8=FIX.4.4|35=0|10=123");

        assertThat(message.parse(bytes, 0, bytes.length)).isEqualTo(FixMessage.PARSE_MISSING_DELIMITER);
        assertThat(message.getInt(10, 0)).isEqualTo(123);
    }

    @Test
    void knowsWhenTheFirstThreeFieldsAreOutOfOrder() {
        byte[] ordered = frame("8=FIX.4.4|35=0|34=3|");
        byte[] swapped = frame("8=FIX.4.4|34=3|35=0|");

        message.parse(ordered, 0, ordered.length);
        assertThat(message.hasStandardHeaderStart()).isTrue();
        message.parse(swapped, 0, swapped.length);
        assertThat(message.hasStandardHeaderStart()).isFalse();
        assertThat(message.msgTypeKey()).as("MsgType is still indexed").isEqualTo('0');
    }

    @Test
    void multiCharacterMsgTypesPackIntoOneKey() {
        byte[] bytes = frame("8=FIX.4.4|35=XCN|");
        message.parse(bytes, 0, bytes.length);

        assertThat(message.msgTypeKey()).isEqualTo(MsgTypeKey.of("XCN")).isEqualTo(('X' << 16) | ('C' << 8) | 'N');
        assertThat(MsgTypeKey.toString(message.msgTypeKey())).isEqualTo("XCN");
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
