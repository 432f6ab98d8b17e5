package io.tagwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidatorFormatsTest {
    private static boolean isInt(String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        return ValidatorFormats.isInt(b, 0, b.length);
    }

    private static boolean isDecimal(String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        return ValidatorFormats.isDecimal(b, 0, b.length);
    }

    private static boolean isCharList(String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        return ValidatorFormats.isCharList(b, 0, b.length);
    }

    @Test
    void readsIntegersAsQuickFixDoesWithAnyNumberOfLeadingZeros() {
        assertThat(isInt("0")).isTrue();
        assertThat(isInt("-12")).isTrue();
        assertThat(isInt("000000000000000000000042")).isTrue();
        assertThat(isInt("2147483647")).isTrue();
        assertThat(isInt("-2147483648")).isTrue();
        assertThat(isInt("2147483648")).isFalse();
        assertThat(isInt("+1")).isFalse();
        assertThat(isInt("-")).isFalse();
        assertThat(isInt("")).isFalse();
        assertThat(isInt("1.0")).isFalse();
    }

    @Test
    void readsDecimalsAsQuickFixDoesWithAnyNumberOfDigits() {
        assertThat(isDecimal("10.5")).isTrue();
        assertThat(isDecimal("-0.000000000000000000001")).isTrue();
        assertThat(isDecimal("1.")).isTrue();
        assertThat(isDecimal(".5")).isTrue();
        assertThat(isDecimal("+200.00")).isFalse();
        assertThat(isDecimal(".")).isFalse();
        assertThat(isDecimal("1.2.3")).isFalse();
        assertThat(isDecimal("1e5")).isFalse();
    }

    /**
     * Every length up to 17 with no, one or two points anywhere, or one other byte anywhere
     * (the bytes around the value are digits and points, which must not count): as byte by byte.
     */
    @Test
    void readsDecimalsWordAtATimeAsByteByByteWithPointsAndOtherBytesAnywhere() {
        for (int len = 1; len <= 17; len++) {
            for (int first = -1; first < len; first++) {
                for (int second = first; second < len; second++) {
                    char[] value = "12345678901234567".substring(0, len).toCharArray();
                    if (first >= 0) {
                        value[first] = '.';
                        value[second] = '.';
                    }
                    assertDecimalAsByBytes(new String(value));
                    if (first >= 0) {
                        value[first] = first % 2 == 0 ? '/' : ':';
                        value[second] = second % 2 == 0 ? '.' : ' ';
                        assertDecimalAsByBytes(new String(value));
                    }
                }
            }
        }
    }

    private static void assertDecimalAsByBytes(String text) {
        byte[] exact = text.getBytes(StandardCharsets.ISO_8859_1);
        for (String around : new String[] {"5", "."}) {
            byte[] b = (around + text + around.repeat(16)).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(ValidatorFormats.isDecimal(b, 1, exact.length)).as("%s in %s", text, new String(b,
                StandardCharsets.ISO_8859_1)).isEqualTo(ValidatorFormats.isDecimalByBytes(exact, 0, exact.length));
        }
    }

    @Test
    void readsMultipleCharValuesAsSingleCharactersSeparatedBySingleSpaces() {
        assertThat(isCharList("A")).isTrue();
        assertThat(isCharList("A B 1")).isTrue();
        assertThat(isCharList("AB")).isFalse();
        assertThat(isCharList("A  B")).isFalse();
        assertThat(isCharList("A ")).isFalse();
        assertThat(isCharList("")).isFalse();
    }

    @Test
    void checksDatesAndTimesExactlyAsFixValuesReadsThem() {
        Random random = new Random(20261126);
        String[] seeds = {"20261126-07:00:00", "20240229-23:59:60.123456789012", "20230228-00:00:00.1"};
        String alphabet = "0123456789-:.x9";
        for (int i = 0; i < 200_000; i++) {
            char[] value = seeds[random.nextInt(seeds.length)].toCharArray();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                value[random.nextInt(value.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(value, 0, random.nextInt(value.length + 1));
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(ValidatorFormats.isUtcTimestamp(b, 0, b.length)).as(text)
                .isEqualTo(FixValues.isUtcTimestamp(b, 0, b.length));
            int time = Math.min(9, b.length);
            assertThat(ValidatorFormats.isUtcTimeOnly(b, time, b.length - time)).as(text)
                .isEqualTo(FixValues.isUtcTimeOnly(b, time, b.length - time));
            assertThat(b.length == 8 && ValidatorFormats.isDate(b, 0)).as(text)
                .isEqualTo(FixValues.isDate(b, 0, b.length));
        }
    }

    @Test
    void checksDatesAndTimesAsFixValuesDoesWhateverTheBytes() {
        // the bytes next to the digits and the separators, and bytes whose sum with 6 carries
        Random random = new Random(11);
        String seed = "20240229-23:59:60.123";
        String alphabet = "/0189:;?-.@\u00ff\u00fa\u00f9 ";
        for (int i = 0; i < 200_000; i++) {
            char[] value = seed.toCharArray();
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                value[random.nextInt(value.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(value, 0, 8 + random.nextInt(value.length - 7));
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(ValidatorFormats.isUtcTimestamp(b, 0, b.length)).as(text)
                .isEqualTo(FixValues.isUtcTimestamp(b, 0, b.length));
            assertThat(ValidatorFormats.isUtcTimeOnly(b, 9 % b.length, b.length - 9 % b.length)).as(text)
                .isEqualTo(FixValues.isUtcTimeOnly(b, 9 % b.length, b.length - 9 % b.length));
            assertThat(ValidatorFormats.isDate(b, 0)).as(text).isEqualTo(FixValues.isDate(b, 0, 8));
        }
    }

    @Test
    void readsEightBytesAtOnceExactlyAsByteByByteWhereverTheValueLies() {
        Random random = new Random(7);
        String alphabet = "0123456789.-/:;?@ \u00ff\u00fa";
        String[] seeds = {"2", "150", "002000.00", "62000.5", "-1.5", "12345678", "123456789", "1234567890123456",
            "20261126-07:00:00.123", "20240229-23:59:60.12345678", "20261126-07:00:00.123456789"};
        for (int i = 0; i < 300_000; i++) {
            char[] value = seeds[random.nextInt(seeds.length)].toCharArray();
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                value[random.nextInt(value.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(value, 0, random.nextInt(value.length + 1));
            // the value at the start, in the middle, or at the very end of the buffer
            int before = random.nextInt(3);
            int after = random.nextBoolean() ? 0 : random.nextInt(20);
            byte[] b = new byte[before + text.length() + after];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            byte[] exact = text.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(exact, 0, b, before, exact.length);
            int len = exact.length;
            assertThat(ValidatorFormats.isInt(b, before, len)).as(text)
                .isEqualTo(ValidatorFormats.isIntByBytes(exact, 0, len));
            assertThat(ValidatorFormats.isDecimal(b, before, len)).as(text)
                .isEqualTo(ValidatorFormats.isDecimalByBytes(exact, 0, len));
            assertThat(ValidatorFormats.isUtcTimestamp(b, before, len)).as(text)
                .isEqualTo(FixValues.isUtcTimestamp(exact, 0, len));
        }
    }
}
