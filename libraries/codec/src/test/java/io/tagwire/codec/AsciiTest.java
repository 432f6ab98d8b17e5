package io.tagwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time CheckSum and SOH search against the plain byte loops they replace. */
class AsciiTest {
    @Test
    void checksumEqualsTheByteSumModulo256ForEveryLengthAndOffset() {
        Random random = new Random(11);
        for (int length = 0; length < 3000; length++) {
            byte[] bytes = new byte[length + 16];
            random.nextBytes(bytes);
            int offset = random.nextInt(9);
            int sum = 0;
            for (int i = offset; i < offset + length; i++) {
                sum += bytes[i];
            }
            assertThat(Ascii.checksum(bytes, offset, length)).as("length %d", length).isEqualTo(sum & 0xFF);
        }
    }

    @Test
    void checksumReadsNoByteOutsideItsRangeWhenTheArrayEndsThere() {
        Random random = new Random(13);
        for (int length = 0; length < 300; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            int sum = 0;
            for (byte b : bytes) {
                sum += b;
            }
            assertThat(Ascii.checksum(bytes, 0, length)).as("length %d", length).isEqualTo(sum & 0xFF);
            if (length > 0) {
                assertThat(Ascii.checksum(bytes, 1, length - 1)).as("length %d", length - 1)
                    .isEqualTo((sum - bytes[0]) & 0xFF);
            }
        }
    }

    @Test
    void digitCountIsTheLengthOfTheDecimalText() {
        java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of(0L, Long.MAX_VALUE, Long.MIN_VALUE));
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10 * 10; power *= 10) {
            values.addAll(java.util.List.of(power - 1, power, power + 1, -power + 1, -power, -power - 1));
            if (power > Long.MAX_VALUE / 10) {
                break;
            }
        }
        Random random = new Random(14);
        for (int i = 0; i < 10_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long value : values) {
            assertThat(Ascii.digitCount(value)).as("%d", value).isEqualTo(Long.toString(value).length());
        }
    }

    @Test
    void checksumOfAllOnesBytesCannotOverflowALane() {
        byte[] bytes = new byte[100_000];
        java.util.Arrays.fill(bytes, (byte) 0xFF);

        assertThat(Ascii.checksum(bytes, 0, bytes.length)).isEqualTo((100_000 * 255) & 0xFF);
    }

    @Test
    void indexOfSohFindsTheFirstSohWhereverItIs() {
        Random random = new Random(12);
        for (int length = 0; length < 600; length++) {
            byte[] bytes = new byte[length + 16];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (2 + random.nextInt(250));
            }
            int offset = random.nextInt(9);
            int expected = -1;
            if (length > 0 && random.nextBoolean()) {
                expected = offset + random.nextInt(length);
                bytes[expected] = Ascii.SOH;
                if (expected + 1 < offset + length) {
                    bytes[expected + 1] = Ascii.SOH;
                }
            }
            assertThat(Ascii.indexOfSoh(bytes, offset, offset + length)).as("length %d", length).isEqualTo(expected);
        }
    }

    @Test
    void indexOfSohSkipsNulAndBytesNextToSohInValue() {
        // the word test flags NUL as well as SOH, and bytes from 0x80 must never be flagged
        byte[] near = {0x00, 0x01, 0x02, 0x03, (byte) 0x80, (byte) 0x81, (byte) 0x82, (byte) 0xFF, 'A', '='};
        Random random = new Random(20261126);
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(40);
            byte[] bytes = new byte[length + 16];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(8) == 0 ? Ascii.SOH : near[random.nextInt(near.length)];
                if (bytes[i] == Ascii.SOH && random.nextBoolean()) {
                    bytes[i] = 0x00;
                }
            }
            int offset = random.nextInt(9);
            int to = Math.min(bytes.length, offset + length);
            int expected = -1;
            for (int i = offset; i < to; i++) {
                if (bytes[i] == Ascii.SOH) {
                    expected = i;
                    break;
                }
            }
            assertThat(Ascii.indexOfSoh(bytes, offset, to)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void digitsValueReadsOneToEightDigitsOfAWordAndRejectsAnyOtherByte() {
        byte[] pool = {'0', '1', '5', '9', '/', ':', ' ', 0x00, 0x01, (byte) 0xF9, (byte) 0xB9, '@'};
        Random random = new Random(20261126);
        byte[] bytes = new byte[8];
        for (int round = 0; round < 100_000; round++) {
            for (int i = 0; i < 8; i++) {
                boolean odd = random.nextInt(3) == 0;
                bytes[i] = odd ? pool[random.nextInt(pool.length)] : (byte) ('0' + random.nextInt(10));
            }
            int count = 1 + random.nextInt(8);
            long expected = 0;
            for (int i = 0; i < count && expected >= 0; i++) {
                expected = Ascii.isDigit(bytes[i]) ? expected * 10 + (bytes[i] - '0') : -1;
            }
            long word = (long) Ascii.LONGS.get(bytes, 0);
            assertThat(Ascii.digitsValue(word, count)).as("round %d, count %d", round, count).isEqualTo(expected);
        }
        assertThat(Ascii.digitsValue((long) Ascii.LONGS.get(Ascii.fromPiped("99999999"), 0), 8)).isEqualTo(99_999_999L);
    }
}
