package io.tagwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random messages: what the encoder writes, the framer finds and the parser reads back. */
class RoundTripTest {
    private static final byte[][] BEGIN_STRINGS = {
        bytes("FIX.4.0"), bytes("FIX.4.2"), bytes("FIX.4.4"), bytes("FIXT.1.1"),
    };
    private static final String[] MSG_TYPES = {"0", "A", "D", "8", "AE", "XCN", "BZ"};
    private static final long MAX_NANOS = 7_258_118_400_000_000_000L; // 2200-01-01

    private enum Kind { INT, LONG, CHAR, BOOLEAN, DECIMAL, STRING, TIMESTAMP, DATE, TIME_ONLY, MONTH_YEAR, DATA }

    private record Field(int tag, Kind kind, long number, int scale, String text, TimestampPrecision precision) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261126})
    void everyRandomMessageRoundTrips(long seed) {
        Random random = new Random(seed);
        FixEncoder encoder = new FixEncoder(128);
        FixFramer framer = new FixFramer(1 << 20);
        FixMessage message = new FixMessage();
        Decimal decimal = new Decimal();
        AsciiSequence view = new AsciiSequence();

        for (int round = 0; round < 2_000; round++) {
            byte[] beginString = BEGIN_STRINGS[random.nextInt(BEGIN_STRINGS.length)];
            String msgType = MSG_TYPES[random.nextInt(MSG_TYPES.length)];
            List<Field> fields = randomFields(random);

            encoder.start(beginString, msgType);
            for (Field field : fields) {
                write(encoder, field);
            }
            int length = encoder.finish();

            assertThat(framer.scan(encoder.buffer(), encoder.messageOffset(), encoder.messageOffset() + length))
                .isEqualTo(FixFramer.FRAME);
            assertThat(framer.checksumValid()).isTrue();
            assertThat(framer.frameLength()).isEqualTo(length);
            assertThat(message.parse(encoder.buffer(), encoder.messageOffset(), length)).isEqualTo(FixMessage.PARSE_OK);
            assertThat(message.fieldCount()).isEqualTo(fields.size() + 4);
            assertThat(message.msgTypeKey()).isEqualTo(MsgTypeKey.of(msgType));
            assertThat(message.getString(8, view)).isTrue();
            assertThat(view.contentEquals(beginString)).isTrue();

            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                int index = i + 3;
                assertThat(message.tagAt(index)).isEqualTo(field.tag());
                String context = "seed " + seed + " round " + round + " field " + field;
                switch (field.kind()) {
                    case INT -> assertThat(message.intAt(index)).as(context).isEqualTo((int) field.number());
                    case LONG -> assertThat(message.longAt(index)).as(context).isEqualTo(field.number());
                    case CHAR -> assertThat(message.charAt(index)).as(context).isEqualTo((char) field.number());
                    case BOOLEAN -> assertThat(message.booleanAt(index)).as(context).isEqualTo(field.number() == 1);
                    case DECIMAL -> {
                        message.decimalAt(index, decimal);
                        assertThat(decimal.mantissa()).as(context).isEqualTo(field.number());
                        assertThat(decimal.scale()).as(context).isEqualTo(field.scale());
                    }
                    case STRING, DATA -> assertThat(message.stringAt(index)).as(context).isEqualTo(field.text());
                    case TIMESTAMP -> assertThat(message.utcTimestampAt(index)).as(context)
                        .isEqualTo(truncate(field.number(), field.precision()));
                    case DATE -> assertThat(message.dateAt(index)).as(context).isEqualTo((int) field.number());
                    case TIME_ONLY -> assertThat(message.utcTimeOnlyAt(index)).as(context)
                        .isEqualTo(truncate(field.number(), field.precision()));
                    case MONTH_YEAR -> assertThat(message.monthYearAt(index)).as(context).isEqualTo((int) field.number());
                    default -> throw new AssertionError(field.kind());
                }
            }
        }
    }

    private static List<Field> randomFields(Random random) {
        List<Field> fields = new ArrayList<>();
        int count = random.nextInt(30);
        int dataTag = 0;
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            int tag = 11 + random.nextInt(9000);
            if (tag == 95 || tag == 96 || DataFields.STANDARD.dataTagFor(tag) != 0 || isDataTag(tag)) {
                tag = 58;
            }
            switch (kind) {
                case INT -> fields.add(new Field(tag, kind, random.nextInt(), 0, null, null));
                case LONG -> fields.add(new Field(tag, kind, random.nextLong() % 1_000_000_000_000_000_000L, 0, null, null));
                case CHAR -> fields.add(new Field(tag, kind, 33 + random.nextInt(94), 0, null, null));
                case BOOLEAN -> fields.add(new Field(tag, kind, random.nextInt(2), 0, null, null));
                case DECIMAL -> fields.add(new Field(tag, kind, random.nextLong() % 100_000_000_000_000L,
                    random.nextInt(9), null, null));
                case STRING -> fields.add(new Field(tag, kind, 0, 0, text(random, 1 + random.nextInt(40), false), null));
                case TIMESTAMP -> fields.add(new Field(tag, kind, Math.floorMod(random.nextLong(), MAX_NANOS), 0, null,
                    TimestampPrecision.values()[random.nextInt(4)]));
                case DATE -> fields.add(new Field(tag, kind, random.nextInt(80_000), 0, null, null));
                case TIME_ONLY -> fields.add(new Field(tag, kind, Math.floorMod(random.nextLong(), FixValues.NANOS_PER_DAY),
                    0, null, TimestampPrecision.values()[random.nextInt(4)]));
                case MONTH_YEAR -> fields.add(new Field(tag, kind, monthYear(random), 0, null, null));
                case DATA -> {
                    if (dataTag++ == 0) {
                        fields.add(new Field(95, Kind.INT, 0, 0, null, null));
                        String data = text(random, 1 + random.nextInt(64), true);
                        fields.set(fields.size() - 1, new Field(95, Kind.INT, data.length(), 0, null, null));
                        fields.add(new Field(96, Kind.DATA, 0, 0, data, null));
                    }
                }
                default -> throw new AssertionError(kind);
            }
        }
        return fields;
    }

    private static boolean isDataTag(int tag) {
        for (int lengthTag = 1; lengthTag < 2000; lengthTag++) {
            if (DataFields.STANDARD.dataTagFor(lengthTag) == tag) {
                return true;
            }
        }
        return false;
    }

    private static void write(FixEncoder encoder, Field field) {
        int tag = field.tag();
        switch (field.kind()) {
            case INT -> encoder.putInt(tag, (int) field.number());
            case LONG -> encoder.putLong(tag, field.number());
            case CHAR -> encoder.putChar(tag, (char) field.number());
            case BOOLEAN -> encoder.putBoolean(tag, field.number() == 1);
            case DECIMAL -> encoder.putDecimal(tag, field.number(), field.scale());
            case STRING -> encoder.putString(tag, field.text());
            case DATA -> {
                byte[] data = field.text().getBytes(StandardCharsets.ISO_8859_1);
                encoder.putBytes(tag, data, 0, data.length);
            }
            case TIMESTAMP -> encoder.putUtcTimestamp(tag, field.number(), field.precision());
            case DATE -> encoder.putDate(tag, (int) field.number());
            case TIME_ONLY -> encoder.putUtcTimeOnly(tag, field.number(), field.precision());
            case MONTH_YEAR -> encoder.putMonthYear(tag, (int) field.number());
            default -> throw new AssertionError(field.kind());
        }
    }

    private static long truncate(long nanos, TimestampPrecision precision) {
        long unit = Decimal.powerOfTen(9 - precision.fractionDigits());
        return Math.floorDiv(nanos, unit) * unit;
    }

    private static int monthYear(Random random) {
        int yearMonth = (1900 + random.nextInt(300)) * 100 + 1 + random.nextInt(12);
        int code = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(28);
            default -> 101 + random.nextInt(5);
        };
        return yearMonth * 1000 + code;
    }

    private static String text(Random random, int length, boolean withSoh) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(withSoh && random.nextInt(5) == 0 ? '\u0001' : (char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
