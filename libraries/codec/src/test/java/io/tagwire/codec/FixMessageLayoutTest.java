package io.tagwire.codec;

import static io.tagwire.codec.WireText.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A reused {@link FixMessage} checks each message against the layout of the one before it
 * and, where the tags match, only records where the values are. These tests parse each
 * message with the reused instance and with a new one, which has no layout to go by, and
 * require the same index from both.
 */
class FixMessageLayoutTest {
    private static final String ORDER = "8=FIX.4.4|35=D|34=2|49=CLIENT|52=20261126-07:00:00.123|56=VENUE|"
        + "11=order-1|21=1|38=2000|40=2|44=62000.5|54=1|55=BTCUSDT|59=1|60=20261126-07:00:00.123|";

    private final FixMessage reused = new FixMessage();

    @Test
    void aMessageLaidOutAsTheOneBeforeIsIndexedAsANewParserWould() {
        parseBoth(frame(ORDER));
        byte[] second = frame(ORDER.replace("order-1", "order-22").replace("62000.5", "61999.75"));

        parseBoth(second);

        assertThat(reused.getString(11)).isEqualTo("order-22");
        assertThat(reused.getString(44)).isEqualTo("61999.75");
        assertThat(reused.msgType().toString()).isEqualTo("D");
    }

    @Test
    void theLayoutIsKeptWhenTheSameDataFieldsAreSetAgainAndDroppedForOthers() {
        parseBoth(frame(ORDER));
        assertThat(reused.knownLayoutFields()).isEqualTo(17);

        // as a session does before every message
        reused.dataFields(DataFields.STANDARD);
        assertThat(reused.knownLayoutFields()).isEqualTo(17);

        reused.dataFields(new DataFields(new int[][] {{38, 44}}));
        assertThat(reused.knownLayoutFields()).isZero();
    }

    @Test
    void theLayoutStopsBeforeAFieldItCannotCheck() {
        parseBoth(frame(ORDER.replace("|21=1|", "|1128=9|21=1|")));

        assertThat(reused.knownLayoutFields()).as("the eight fields before 1128").isEqualTo(8);
    }

    @Test
    void aTagThatDiffersMidwayIsIndexedFromThereOn() {
        parseBoth(frame(ORDER));

        parseBoth(frame(ORDER.replace("|21=1|", "|18=G|")));

        assertThat(reused.indexOf(21)).isEqualTo(-1);
        assertThat(reused.getString(18)).isEqualTo("G");
    }

    @Test
    void theSameTagWrittenWithALeadingZeroIsNotTakenForTheLayout() {
        parseBoth(frame(ORDER));

        parseBoth(frame(ORDER.replace("|54=1|", "|054=2|")));

        assertThat(reused.getChar(54, '?')).isEqualTo('2');
    }

    @Test
    void moreOrFewerFieldsThanTheLayoutAreIndexedAsTheyCome() {
        parseBoth(frame(ORDER));
        parseBoth(frame(ORDER + "58=more text|"));
        parseBoth(frame(ORDER.substring(0, ORDER.indexOf("55="))));
        assertThat(reused.indexOf(55)).isEqualTo(-1);
        parseBoth(frame(ORDER));
    }

    @Test
    void dataFieldsAreReadByTheirLengthInEveryMessage() {
        String logon = "8=FIX.4.4|35=A|34=1|49=A|52=20261126-07:00:00.000|56=B|95=7|96=ab|c=|d|98=0|108=30|";
        parseBoth(frame(logon));

        parseBoth(frame(logon.replace("95=7|96=ab|c=|d|", "95=7|96=|x|yz|w|")));

        assertThat(reused.stringAt(reused.indexOf(96))).isEqualTo("\u0001x\u0001yz\u0001w");
        assertThat(reused.getInt(108, -1)).isEqualTo(30);
    }

    @Test
    void tagsOfFourDigitsOrMoreAreIndexedInEveryMessage() {
        String quote = "8=FIX.4.4|35=S|34=5|1128=9|25035=2|55=X|";
        parseBoth(frame(quote));

        parseBoth(frame(quote.replace("25035=2", "25035=3")));

        assertThat(reused.getInt(25035, -1)).isEqualTo(3);
        assertThat(reused.getInt(1128, -1)).isEqualTo(9);
    }

    @Test
    void aMessageAtTheVeryEndOfItsBufferIsIndexedToItsLastField() {
        byte[] first = frame(ORDER);
        parseBoth(first);
        byte[] second = frame(ORDER.replace("BTCUSDT", "ETHUSDT"));

        parseBoth(second);

        assertThat(reused.fieldCount()).isEqualTo(17);
        assertThat(reused.getString(55)).isEqualTo("ETHUSDT");
        assertThat(reused.tagAt(16)).isEqualTo(10);
    }

    @Test
    void aNulAfterASohEndsTheLayoutAsAnInvalidTag() {
        parseBoth(frame(ORDER));
        byte[] garbled = frame(ORDER.replace("|56=VENUE|", "|\u000056=VENUE|"));

        assertThat(parseBoth(garbled)).isEqualTo(FixMessage.PARSE_INVALID_TAG);
    }

    @Test
    void bytesAfterTheMessageInTheBufferAreNotIndexed() {
        byte[] message = frame(ORDER);
        byte[] buffer = new byte[message.length + 40];
        System.arraycopy(message, 0, buffer, 0, message.length);
        byte[] trailing = WireText.raw("58=next|59=0|");
        System.arraycopy(trailing, 0, buffer, message.length, trailing.length);
        parseBoth(buffer, 0, message.length);

        parseBoth(buffer, 0, message.length - 7);

        assertThat(reused.indexOf(58)).isEqualTo(-1);
    }

    @Test
    void seededMessagesOfMixedAndGarbledLayoutsAreIndexedAsANewParserWould() {
        SplittableRandom random = new SplittableRandom(20261126);
        for (int round = 0; round < 20_000; round++) {
            byte[] message = randomMessage(random);
            int before = random.nextInt(3) == 0 ? random.nextInt(1, 20) : 0;
            int after = random.nextInt(4) == 0 ? 0 : random.nextInt(0, 80);
            byte[] buffer = new byte[before + message.length + after];
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = (byte) "12=|\u0001x\u0000".charAt(random.nextInt(7));
            }
            System.arraycopy(message, 0, buffer, before, message.length);

            parseBoth(buffer, before, message.length);
        }
    }

    private int parseBoth(byte[] bytes) {
        return parseBoth(bytes, 0, bytes.length);
    }

    /** Parses with the reused instance and a new one and asserts they built the same index. */
    private int parseBoth(byte[] buffer, int offset, int length) {
        FixMessage fresh = new FixMessage();
        int expected = fresh.parse(buffer, offset, length);

        int result = reused.parse(buffer, offset, length);

        String text = WireText.piped(buffer, offset, length);
        assertThat(result).as("result for %s", text).isEqualTo(expected);
        assertThat(reused.parseErrorIndex()).as("error index for %s", text).isEqualTo(fresh.parseErrorIndex());
        assertThat(reused.fieldCount()).as("field count for %s", text).isEqualTo(fresh.fieldCount());
        for (int i = 0; i < fresh.fieldCount(); i++) {
            assertThat(new int[] {reused.tagAt(i), reused.valueOffset(i), reused.valueLength(i)})
                .as("field %d of %s", i, text)
                .containsExactly(fresh.tagAt(i), fresh.valueOffset(i), fresh.valueLength(i));
        }
        for (int tag = -2; tag < 1100; tag++) {
            assertThat(reused.indexOf(tag)).as("index of tag %d in %s", tag, text).isEqualTo(fresh.indexOf(tag));
        }
        assertThat(reused.msgTypeKey()).as("MsgType of %s", text).isEqualTo(fresh.msgTypeKey());
        return result;
    }

    /** One of a few layouts, with values of any length and, now and then, a fault. */
    private static byte[] randomMessage(SplittableRandom random) {
        List<String> fields = new ArrayList<>();
        fields.add("8=FIX.4.4");
        fields.add("9=" + random.nextInt(1, 999));
        switch (random.nextInt(5)) {
            case 0 -> add(fields, random, "35=D", "34", "49", "52", "56", "11", "21", "38", "40", "44", "54", "55", "59", "60");
            case 1 -> add(fields, random, "35=8", "34", "49", "52", "56", "37", "11", "17", "150", "39", "55", "54", "38",
                "32", "31", "151", "14", "6");
            case 2 -> add(fields, random, "35=i", "34", "49", "296=2", "302", "295=1", "299", "302", "295=1", "299");
            case 3 -> add(fields, random, "35=S", "34", "1128", "25035", "55");
            default -> add(fields, random, "35=0", "34", "49", "52", "56");
        }
        if (random.nextInt(4) == 0) {
            int length = random.nextInt(0, 9);
            fields.add(random.nextInt(2) + 5, "95=" + length);
            fields.add(random.nextInt(2) + 6, "96=" + value(random, length, "ab\u0001=9"));
        }
        if (random.nextInt(6) == 0) {
            int at = random.nextInt(fields.size());
            fields.set(at, fault(random, fields.get(at)));
        }
        fields.add("10=" + random.nextInt(100, 1000));
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            text.append(field).append('\u0001');
        }
        if (random.nextInt(12) == 0) {
            text.setLength(text.length() - 1 - random.nextInt(Math.min(4, text.length() - 1)));
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void add(List<String> fields, SplittableRandom random, String msgType, String... tags) {
        fields.add(msgType);
        for (String tag : tags) {
            fields.add(tag.contains("=") ? tag : tag + "=" + value(random, random.nextInt(0, 24), "0123456789.-=AZaz: "));
        }
    }

    private static String value(SplittableRandom random, int length, String alphabet) {
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }

    private static String fault(SplittableRandom random, String field) {
        return switch (random.nextInt(6)) {
            case 0 -> "0" + field;
            case 1 -> "\u0000" + field;
            case 2 -> field.replace("=", "");
            case 3 -> "x" + field;
            case 4 -> "-" + field;
            default -> field.substring(0, field.indexOf('=') + 1) + "\u0000";
        };
    }
}
