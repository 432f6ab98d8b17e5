package io.tagwire.trading.venue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Unique ClOrdID(11) values within a venue's {@link IdRule}, also across restarts.
 *
 * <ul>
 * <li>Text rules: a fixed-width prefix, the start time in epoch milliseconds in base 36
 * (8 characters until the year 5138), then a counter in base 36: {@code mqx1kz3a0},
 * {@code mqx1kz3a1}, ... Two runs never share a prefix unless started in the same
 * millisecond. The characters used are digits and lowercase letters; a rule that allows
 * fewer is refused at construction.
 * <li>Integer rules (Kraken): {@code startMillis * 100000 + counter}, increasing across
 * restarts while fewer than 100,000 IDs a millisecond were issued on average.
 * <li>UUID rules (Coinbase): random lowercase UUIDv4 from a generator seeded once from
 * {@link SecureRandom}.
 * </ul>
 *
 * {@link #next(byte[], int)} writes into a buffer and allocates nothing; {@link #next()}
 * returns a String and allocates. Not thread-safe: one generator per sending thread.
 */
public final class ClOrdIdGenerator {
    private static final byte[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX_LENGTH = 8;
    private static final long INTEGER_STEP = 100_000L;

    private final IdRule rule;
    private final byte[] prefix;
    private final long integerBase;
    private final SplittableRandom random;
    private final byte[] scratch = new byte[64];
    private long counter;

    /** A generator whose IDs start from {@code startEpochMillis} (normally now). */
    public ClOrdIdGenerator(IdRule rule, long startEpochMillis) {
        this.rule = rule;
        if (startEpochMillis <= 0) {
            throw new IllegalArgumentException("startEpochMillis must be positive, was " + startEpochMillis);
        }
        this.prefix = base36(startEpochMillis, PREFIX_LENGTH);
        this.integerBase = startEpochMillis * INTEGER_STEP;
        this.random = rule.form() == IdRule.Form.UUID_V4 ? new SplittableRandom(new SecureRandom().nextLong()) : null;
        if (rule.form() == IdRule.Form.TEXT) {
            for (byte digit : DIGITS) {
                if (!rule.allows((char) digit)) {
                    throw new IllegalArgumentException("cannot generate IDs for " + rule
                        + ": it does not allow '" + (char) digit + "'");
                }
            }
            if (rule.maxLength() < PREFIX_LENGTH + 4) {
                throw new IllegalArgumentException("cannot generate unique IDs in at most " + rule.maxLength()
                    + " characters (" + rule + ")");
            }
        }
    }

    /** A generator starting now. */
    public static ClOrdIdGenerator forRule(IdRule rule) {
        return new ClOrdIdGenerator(rule, System.currentTimeMillis());
    }

    /**
     * Writes the next ID at {@code offset} and returns its length (at most 36).
     *
     * @throws IllegalStateException if the rule's length would be exceeded (after about
     *         36^(maxLength - 8) IDs)
     */
    public int next(byte[] buffer, int offset) {
        return switch (rule.form()) {
            case UUID_V4 -> uuid(buffer, offset);
            case INTEGER_OR_UUID_V4 -> integer(buffer, offset);
            default -> text(buffer, offset);
        };
    }

    /** The next ID as a String. This method allocates memory. */
    public String next() {
        int length = next(scratch, 0);
        return new String(scratch, 0, length, StandardCharsets.US_ASCII);
    }

    /** Why a user-supplied ClOrdID is refused, or null if it fits the venue's rule. */
    public String check(CharSequence clOrdId) {
        return rule.check(clOrdId);
    }

    public IdRule rule() {
        return rule;
    }

    private int text(byte[] buffer, int offset) {
        long value = counter++;
        int digits = 1;
        for (long rest = value / 36; rest > 0; rest /= 36) {
            digits++;
        }
        if (PREFIX_LENGTH + digits > rule.maxLength()) {
            throw new IllegalStateException("ClOrdIDs exhausted for " + rule + ": start a new generator");
        }
        System.arraycopy(prefix, 0, buffer, offset, PREFIX_LENGTH);
        int end = offset + PREFIX_LENGTH + digits;
        for (int i = end - 1; i >= offset + PREFIX_LENGTH; i--) {
            buffer[i] = DIGITS[(int) (value % 36)];
            value /= 36;
        }
        return PREFIX_LENGTH + digits;
    }

    private int integer(byte[] buffer, int offset) {
        long value = integerBase + counter++;
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        if (digits > 18) {
            throw new IllegalStateException("ClOrdID would exceed 18 digits for " + rule);
        }
        for (int i = offset + digits - 1; i >= offset; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return digits;
    }

    // RFC 4122 version 4: 122 random bits, version nibble 4, variant bits 10
    private int uuid(byte[] buffer, int offset) {
        long high = random.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x0000000000004000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        int at = offset;
        at = hex(buffer, at, high >>> 32, 8);
        buffer[at++] = '-';
        at = hex(buffer, at, high >>> 16, 4);
        buffer[at++] = '-';
        at = hex(buffer, at, high, 4);
        buffer[at++] = '-';
        at = hex(buffer, at, low >>> 48, 4);
        buffer[at++] = '-';
        at = hex(buffer, at, low, 12);
        return at - offset;
    }

    private static int hex(byte[] buffer, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buffer[at + i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        return at + digits;
    }

    private static byte[] base36(long value, int width) {
        byte[] digits = new byte[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = DIGITS[(int) (rest % 36)];
            rest /= 36;
        }
        if (rest != 0) {
            throw new IllegalArgumentException("start time too large for " + width + " base-36 digits");
        }
        return digits;
    }

    @Override
    public String toString() {
        return "ClOrdIdGenerator{" + rule + ", issued=" + counter + "}";
    }
}
