package io.tagwire.codec;

import static io.tagwire.codec.WireText.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixValuesTest {
    @Test
    void integersAllowOneSignAndAtMostEighteenDigits() {
        assertThat(isLong("0")).isTrue();
        assertThat(isLong("-12")).isTrue();
        assertThat(isLong("000123")).isTrue();
        assertThat(isLong("123456789012345678")).isTrue();
        assertThat(isLong("1234567890123456789")).isFalse();
        assertThat(isLong("")).isFalse();
        assertThat(isLong("-")).isFalse();
        assertThat(isLong("+1")).isFalse();
        assertThat(isLong("1.0")).isFalse();
        assertThat(isLong("12a")).isFalse();
        byte[] big = raw("2147483648");
        assertThat(FixValues.isInt(big, 0, big.length)).isFalse();
        byte[] max = raw("2147483647");
        assertThat(FixValues.isInt(max, 0, max.length)).isTrue();
    }

    @Test
    void decimalsAllowOneDotAndASign() {
        assertThat(isDecimal("62000.5")).isTrue();
        assertThat(isDecimal("002000.00")).isTrue();
        assertThat(isDecimal(".5")).isTrue();
        assertThat(isDecimal("5.")).isTrue();
        assertThat(isDecimal("-0.0001")).isTrue();
        assertThat(isDecimal(".")).isFalse();
        assertThat(isDecimal("1.2.3")).isFalse();
        assertThat(isDecimal("1e5")).isFalse();
        assertThat(isDecimal("")).isFalse();
    }

    @Test
    void timestampsCheckEveryPart() {
        assertThat(isTimestamp("20261126-07:00:00")).isTrue();
        assertThat(isTimestamp("20261126-07:00:00.1")).isTrue();
        assertThat(isTimestamp("20261126-23:59:60.999")).as("leap second").isTrue();
        assertThat(isTimestamp("20240229-00:00:00.000")).isTrue();
        assertThat(isTimestamp("20230229-00:00:00.000")).as("no 29 February in 2023").isFalse();
        assertThat(isTimestamp("20261126-24:00:00")).isFalse();
        assertThat(isTimestamp("20261126 07:00:00")).isFalse();
        assertThat(isTimestamp("20261126-07:00:00.")).isFalse();
        assertThat(isTimestamp("20261126-07:00:00.123456789123")).as("12 digits").isTrue();
        assertThat(isTimestamp("20261126-07:00:00.123456789123456")).as("15 digits").isFalse();
        assertThat(isTimestamp("20261326-07:00:00")).isFalse();
        assertThat(isTimestamp("<TIME>")).isFalse();
    }

    @Test
    void epochDaysMatchTheJdkForFourHundredYears() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(146_097) - 50_000);
            int packed = FixValues.civilFromDays(date.toEpochDay());
            assertThat(packed).isEqualTo(date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth());
            assertThat(FixValues.daysFromCivil(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                .isEqualTo((int) date.toEpochDay());
        }
    }

    @Test
    void monthYearTakesDaysAndWeeks() {
        assertThat(isMonthYear("202612")).isTrue();
        assertThat(isMonthYear("20261231")).isTrue();
        assertThat(isMonthYear("202612w5")).isTrue();
        assertThat(isMonthYear("202612w6")).isFalse();
        assertThat(isMonthYear("202613")).isFalse();
        assertThat(isMonthYear("2026")).isFalse();
    }

    private static boolean isLong(String text) {
        byte[] b = raw(text);
        return FixValues.isLong(b, 0, b.length);
    }

    private static boolean isDecimal(String text) {
        byte[] b = raw(text);
        return FixValues.isDecimal(b, 0, b.length);
    }

    private static boolean isTimestamp(String text) {
        byte[] b = raw(text);
        return FixValues.isUtcTimestamp(b, 0, b.length);
    }

    private static boolean isMonthYear(String text) {
        byte[] b = raw(text);
        return FixValues.isMonthYear(b, 0, b.length);
    }
}
