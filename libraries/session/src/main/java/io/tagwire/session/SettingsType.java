package io.tagwire.session;

import io.tagwire.codec.TimestampPrecision;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value types of the settings: how a value is read from its text and written back in
 * one canonical form, so that a file and the builder give equal settings. {@link #parse}
 * throws {@link IllegalArgumentException} with what the value must be ("must be Y or N");
 * {@link SettingsKey} adds the key and the bad value.
 */
enum SettingsType {
    STRING("must not be empty") {
        @Override
        Object read(String text) {
            return text;
        }
    },
    /** Y or N, either case. */
    BOOLEAN("must be Y or N") {
        @Override
        Object read(String text) {
            if (text.equalsIgnoreCase("Y")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("N")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException();
        }

        @Override
        String format(Object value) {
            return (Boolean) value ? "Y" : "N";
        }
    },
    POSITIVE_INT("must be a positive integer") {
        @Override
        Object read(String text) {
            return integer(text, 1, Integer.MAX_VALUE);
        }
    },
    NON_NEGATIVE_INT("must be 0 or a positive integer") {
        @Override
        Object read(String text) {
            return integer(text, 0, Integer.MAX_VALUE);
        }
    },
    PORT("must be a port number from 1 to 65535") {
        @Override
        Object read(String text) {
            return integer(text, 1, 65535);
        }
    },
    /** A multiplier such as 0.5 or 1.4. */
    NON_NEGATIVE_DECIMAL("must be a non-negative number such as 0.5") {
        @Override
        Object read(String text) {
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException();
            }
            return Double.valueOf(text);
        }
    },
    /** QuickFIX's {@code HH:MM:SS}, optionally followed by a time zone: {@code 15:00:00 US/Central}. */
    TIME_OF_DAY("must be a time of day HH:MM:SS, optionally followed by a time zone") {
        @Override
        Object read(String text) {
            Matcher m = TIME.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException();
            }
            try {
                LocalTime time = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
                return new TimeOfDay(time, m.group(4) == null ? null : zone(m.group(4)));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(e);
            }
        }
    },
    /** A day name or an unambiguous prefix of one, in English, either case: Monday, mon, Th. */
    DAY_OF_WEEK("must be a day of the week: Monday, Mon, Tuesday, Tue, ...") {
        @Override
        Object read(String text) {
            return day(text);
        }

        @Override
        String format(Object value) {
            return ((DayOfWeek) value).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
    },
    /** QuickFIX's Weekdays: a comma-separated list of days. */
    DAYS_OF_WEEK("must be a comma-separated list of days such as Mon,Tue,Wed") {
        @Override
        Object read(String text) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : text.split(",", -1)) {
                days.add(day(day.trim()));
            }
            return Collections.unmodifiableSet(days);
        }

        @Override
        String format(Object value) {
            StringJoiner joiner = new StringJoiner(",");
            for (Object day : (Set<?>) value) {
                joiner.add(((DayOfWeek) day).getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            }
            return joiner.toString();
        }
    },
    /** A {@link ZoneId}, or one of the old three-letter IDs that {@code java.util.TimeZone} knows. */
    TIME_ZONE("must be a time zone ID such as UTC or America/New_York") {
        @Override
        Object read(String text) {
            return zone(text);
        }
    },
    CONNECTION_TYPE("must be initiator or acceptor") {
        @Override
        Object read(String text) {
            for (SessionSettings.ConnectionType type : SessionSettings.ConnectionType.values()) {
                if (type.settingValue().equalsIgnoreCase(text)) {
                    return type;
                }
            }
            throw new IllegalArgumentException();
        }

        @Override
        String format(Object value) {
            return ((SessionSettings.ConnectionType) value).settingValue();
        }
    },
    BEGIN_STRING("must be one of FIX.4.0, FIX.4.1, FIX.4.2, FIX.4.3, FIX.4.4, FIXT.1.1") {
        @Override
        Object read(String text) {
            if (!BEGIN_STRINGS.contains(text)) {
                throw new IllegalArgumentException();
            }
            return text;
        }
    },
    /** An ApplVerID(1128) value (9) or a version name (FIX.5.0SP2, FIX50SP2). */
    APPL_VER_ID("must be an ApplVerID such as 7, FIX.5.0 or FIX50SP2") {
        @Override
        Object read(String text) {
            return SessionSettings.ApplVerID.fromSetting(text);
        }

        @Override
        String format(Object value) {
            return ((SessionSettings.ApplVerID) value).value();
        }
    },
    TIMESTAMP_PRECISION("must be SECONDS, MILLIS, MICROS or NANOS") {
        @Override
        Object read(String text) {
            return TimestampPrecision.fromSetting(text);
        }
    },
    /** QuickFIX's ReconnectInterval: seconds, or a schedule such as {@code 2x5;3x15;60} (twice 5 s, 3 times 15 s, then 60 s). */
    RECONNECT_INTERVALS("must be seconds, or a list such as 2x5;3x15;60") {
        @Override
        Object read(String text) {
            List<Integer> seconds = new ArrayList<>();
            for (String step : text.split(";", -1)) {
                String[] timesSeconds = step.trim().split("[x*]", -1);
                if (timesSeconds.length > 2) {
                    throw new IllegalArgumentException();
                }
                int times = timesSeconds.length == 2 ? integer(timesSeconds[0].trim(), 1, 1000) : 1;
                int interval = integer(timesSeconds[timesSeconds.length - 1].trim(), 1, Integer.MAX_VALUE);
                seconds.addAll(Collections.nCopies(times, interval));
            }
            return List.copyOf(seconds);
        }

        @Override
        String format(Object value) {
            StringJoiner joiner = new StringJoiner(";");
            for (Object seconds : (List<?>) value) {
                joiner.add(seconds.toString());
            }
            return joiner.toString();
        }
    },
    /** Tagwire speaks TCP only; QuickFIX also has an in-process VM_PIPE. */
    PROTOCOL("must be TCP (Tagwire has no VM_PIPE transport)") {
        @Override
        Object read(String text) {
            // QuickFIX/J accepts SOCKET as another name for TCP.
            if (text.equalsIgnoreCase("TCP") || text.equalsIgnoreCase("SOCKET")) {
                return text.toUpperCase(Locale.ROOT);
            }
            throw new IllegalArgumentException();
        }
    },
    /** FileStoreSync: none, always, group:<micros>, or QuickFIX's N and Y. */
    FILE_STORE_SYNC("must be none, always or group:<micros> (or Y/N)") {
        @Override
        Object read(String text) {
            return FileStoreSync.parse(text);
        }
    },
    /** Tag numbers separated by commas: {@code 9001,9002}. */
    TAG_LIST("must be tag numbers separated by commas, such as 9001,9002") {
        @Override
        Object read(String text) {
            StringJoiner tags = new StringJoiner(",");
            for (String tag : text.split(",", -1)) {
                tags.add(Integer.toString(integer(tag.trim(), 1, Integer.MAX_VALUE)));
            }
            return tags.toString();
        }
    },
    /** QuickFIX's LogonTag: {@code <tag>=<value>} added to the Logon(A) we send. */
    LOGON_TAG("must be <tag>=<value>, such as 553=user") {
        @Override
        Object read(String text) {
            int equals = text.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException();
            }
            integer(text.substring(0, equals), 1, Integer.MAX_VALUE);
            return text;
        }
    },
    /** IP_TOS: a number from 0 to 255, or QuickFIX's names joined by '|', such as IPTOS_LOWDELAY|IPTOS_THROUGHPUT. */
    TRAFFIC_CLASS("must be 0 to 255 or IPTOS_LOWCOST, IPTOS_RELIABILITY, IPTOS_THROUGHPUT, IPTOS_LOWDELAY"
        + " joined by |") {
        @Override
        Object read(String text) {
            if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
                return integer(text, 0, 255);
            }
            int bits = 0;
            for (String name : text.split("\\|", -1)) {
                switch (name.trim()) {
                    case "IPTOS_LOWCOST":
                        bits |= 0x02;
                        break;
                    case "IPTOS_RELIABILITY":
                        bits |= 0x04;
                        break;
                    case "IPTOS_THROUGHPUT":
                        bits |= 0x08;
                        break;
                    case "IPTOS_LOWDELAY":
                        bits |= 0x10;
                        break;
                    default:
                        throw new IllegalArgumentException();
                }
            }
            return bits;
        }
    },
    /** Host names or IP addresses separated by commas, kept as written and resolved when the engine starts. */
    ADDRESS_LIST("must be host names or IP addresses separated by commas") {
        @Override
        Object read(String text) {
            for (String address : text.split(",", -1)) {
                if (address.isBlank()) {
                    throw new IllegalArgumentException();
                }
            }
            return text;
        }
    };

    static final List<String> BEGIN_STRINGS =
        List.of("FIX.4.0", "FIX.4.1", "FIX.4.2", "FIX.4.3", "FIX.4.4", "FIXT.1.1");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");
    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})(?:\\s+(\\S+))?");

    private final String expectation;

    SettingsType(String expectation) {
        this.expectation = expectation;
    }

    /** What a value of this type must be, as the end of a sentence that starts with the key. */
    String expectation() {
        return expectation;
    }

    /** The value of a non-empty text; throws {@link IllegalArgumentException} if it is not one. */
    final Object parse(String text) {
        try {
            return read(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(expectation, e);
        }
    }

    abstract Object read(String text);

    /** The canonical text of a value, which {@link #parse} reads back to an equal value. */
    String format(Object value) {
        return value.toString();
    }

    /** A StartTime or EndTime: the time and the zone written after it, or null for none. */
    record TimeOfDay(LocalTime time, ZoneId zone) {
        @Override
        public String toString() {
            return String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond())
                + (zone == null ? "" : " " + zone.getId());
        }
    }

    static int integer(String text, int min, int max) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException();
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw new IllegalArgumentException();
        }
        return (int) value;
    }

    static ZoneId zone(String text) {
        return ZoneId.of(text, ZoneId.SHORT_IDS);
    }

    // QuickFIX/J takes a case-insensitive prefix of an English day name; a prefix that fits
    // two days (S, T) is refused here instead of silently meaning the first of them.
    static DayOfWeek day(String text) {
        DayOfWeek found = null;
        String lower = text.toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!lower.isEmpty() && day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)
                .startsWith(lower)) {
                if (found != null) {
                    throw new IllegalArgumentException();
                }
                found = day;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException();
        }
        return found;
    }
}
