package io.tagwire.cli;

import io.tagwire.match.Instrument;
import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An instrument on the command line, {@code SYMBOL:TICK:LOT[:MID]}, e.g. {@code BTCUSDT:0.01:0.00001:30000}:
 * the tick and lot sizes as decimals (their decimal places are the price and quantity scales),
 * and the mid the market maker quotes around, if any.
 */
record InstrumentSpec(Instrument instrument, BigDecimal mid) {
    /** picocli's converter, with the form in its error message. */
    static final class Converter implements ITypeConverter<InstrumentSpec> {
        @Override
        public InstrumentSpec convert(String value) {
            return parse(value);
        }
    }

    static InstrumentSpec parse(String value) {
        String[] parts = value.split(":", -1);
        if (parts.length < 3 || parts.length > 4 || parts[0].isBlank()) {
            throw invalid(value, "expected SYMBOL:TICK:LOT[:MID], e.g. BTCUSDT:0.01:0.00001:30000");
        }
        BigDecimal tick = positive(value, "tick", parts[1]);
        BigDecimal lot = positive(value, "lot", parts[2]);
        BigDecimal mid = parts.length == 4 ? positive(value, "mid", parts[3]) : null;
        if (mid != null && mid.remainder(tick).signum() != 0) {
            throw invalid(value, "the mid " + parts[3] + " is not a multiple of the tick " + parts[1]);
        }
        try {
            Instrument instrument = new Instrument(parts[0], Math.max(tick.scale(), 0), tick.unscaledValue()
                .longValueExact(), Math.max(lot.scale(), 0), lot.unscaledValue().longValueExact());
            return new InstrumentSpec(instrument, mid);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(value, e.getMessage());
        }
    }

    private static BigDecimal positive(String value, String name, String text) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid(value, "the " + name + " '" + text + "' is not a decimal number");
        }
        if (decimal.signum() <= 0) {
            throw invalid(value, "the " + name + " must be positive");
        }
        // 1E+1 style values would give a negative scale
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    private static TypeConversionException invalid(String value, String why) {
        return new TypeConversionException("'" + value + "': " + why);
    }
}
