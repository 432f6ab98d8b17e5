package io.tagwire.session;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a session may be logged on, QuickFIX's way: StartTime/EndTime (each in its own zone
 * if one is written after it, else in TimeZone, default UTC), daily or, with
 * StartDay/EndDay, weekly; Weekdays limits a daily session to some days; NonStopSession=Y
 * never ends. Pure: every answer is for a time given in epoch nanoseconds.
 *
 * <p>A session period runs from a start to the first end after it, the end itself outside:
 * <ul>
 * <li>daily: from StartTime to the next EndTime, which is the next day when EndTime is not
 *     after StartTime (22:00 to 06:00 crosses midnight; equal times make 24-hour periods that
 *     change at StartTime);</li>
 * <li>with Weekdays, a daily period counts when the day it starts on and the day of its last
 *     instant are both listed (Sun..Fri with 17:05 to 16:55 runs Sunday evening to Friday
 *     afternoon, as in QuickFIX/J);</li>
 * <li>weekly: from StartDay at StartTime to the next EndDay at EndTime (a whole week when
 *     they are equal).</li>
 * </ul>
 * Local times that do not exist on a day (a daylight saving gap) move forward by the gap.
 * {@link #isSameSession} is QuickFIX/J's check for a new period: the store's creation time
 * and now must be in one and the same period, or the sequence numbers are reset.
 *
 * <p>The period around the last time asked about is kept, so asking again within it costs
 * two comparisons and allocates nothing; crossing into another period computes (and
 * allocates) once.
 */
final class SessionSchedule {
    /** Returned by {@link #periodStartNanos} outside every period. */
    static final long OUTSIDE = Long.MIN_VALUE;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final boolean nonStop;
    private final LocalTime startTime;
    private final ZoneId startZone;
    private final LocalTime endTime;
    private final ZoneId endZone;
    private final DayOfWeek startDay;
    private final DayOfWeek endDay;
    private final Set<DayOfWeek> weekdays;
    // the period found last: [periodStart, periodEnd), or, outside, [lastAsked, nextStart) without a period
    private long periodStart = OUTSIDE;
    private long periodEnd;
    private long lastAsked = Long.MAX_VALUE;
    private long nextStart = Long.MIN_VALUE;

    SessionSchedule(boolean nonStop, LocalTime startTime, ZoneId startZone, LocalTime endTime, ZoneId endZone,
                    DayOfWeek startDay, DayOfWeek endDay, Set<DayOfWeek> weekdays) {
        this.nonStop = nonStop;
        this.startTime = startTime;
        this.startZone = startZone;
        this.endTime = endTime;
        this.endZone = endZone;
        this.startDay = startDay;
        this.endDay = endDay;
        this.weekdays = weekdays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
        if ((startDay == null) != (endDay == null)) {
            throw new IllegalArgumentException("StartDay and EndDay go together");
        }
    }

    static SessionSchedule from(SessionSettings settings) {
        return new SessionSchedule(settings.nonStopSession(), settings.startTime(), settings.startTimeZone(),
            settings.endTime(), settings.endTimeZone(), settings.startDay().orElse(null),
            settings.endDay().orElse(null), settings.weekdays());
    }

    boolean isNonStop() {
        return nonStop;
    }

    /** Whether {@code nowNanos} is inside a session period. */
    boolean isSessionTime(long nowNanos) {
        return nonStop || periodStartNanos(nowNanos) != OUTSIDE;
    }

    /**
     * Whether both times are in the same session period (always, for a non-stop session):
     * false when either is outside every period.
     */
    boolean isSameSession(long aNanos, long bNanos) {
        if (nonStop) {
            return true;
        }
        long a = periodStartNanos(aNanos);
        return a != OUTSIDE && a == periodStartNanos(bNanos);
    }

    /** The start of the period {@code nowNanos} is in, or {@link #OUTSIDE}; non-stop sessions have no periods. */
    long periodStartNanos(long nowNanos) {
        if (nonStop) {
            return OUTSIDE;
        }
        if (periodStart != OUTSIDE && nowNanos >= periodStart && nowNanos < periodEnd) {
            return periodStart;
        }
        if (periodStart == OUTSIDE && nowNanos >= lastAsked && nowNanos < nextStart) {
            return OUTSIDE;
        }
        find(nowNanos);
        return periodStart;
    }

    /** The end of the period {@code nowNanos} is in; only after {@link #periodStartNanos} found one. */
    long periodEndNanos(long nowNanos) {
        return periodStartNanos(nowNanos) == OUTSIDE ? OUTSIDE : periodEnd;
    }

    // Tries the periods starting on the days around now, in order; the latest start not after now wins.
    private void find(long nowNanos) {
        long nowSeconds = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        LocalDate today = Instant.ofEpochSecond(nowSeconds).atZone(startZone).toLocalDate();
        periodStart = OUTSIDE;
        nextStart = Long.MAX_VALUE;
        lastAsked = nowNanos;
        for (int days = -9; days <= 9; days++) {
            LocalDate date = today.plusDays(days);
            if (startDay != null ? date.getDayOfWeek() != startDay : !weekdays.contains(date.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = ZonedDateTime.of(date, startTime, startZone);
            ZonedDateTime end = end(start);
            if (startDay == null && !weekdays.contains(end.minusNanos(1).withZoneSameInstant(startZone)
                .getDayOfWeek())) {
                continue;
            }
            long startNanos = nanos(start);
            long endNanos = nanos(end);
            if (startNanos <= nowNanos && nowNanos < endNanos) {
                periodStart = startNanos;
                periodEnd = endNanos;
            } else if (startNanos > nowNanos && startNanos < nextStart) {
                nextStart = startNanos;
            }
        }
    }

    /** The first EndTime (on EndDay, for a weekly session) after {@code start}. */
    private ZonedDateTime end(ZonedDateTime start) {
        LocalDate date = start.withZoneSameInstant(endZone).toLocalDate();
        for (int days = 0; days <= 7; days++) {
            LocalDate candidate = date.plusDays(days);
            if (endDay != null && candidate.getDayOfWeek() != endDay) {
                continue;
            }
            ZonedDateTime end = ZonedDateTime.of(candidate, endTime, endZone);
            if (end.isAfter(start)) {
                return end;
            }
        }
        throw new IllegalStateException("no end within a week of " + start);
    }

    private static long nanos(ZonedDateTime time) {
        return time.toEpochSecond() * NANOS_PER_SECOND + time.getNano();
    }

    @Override
    public String toString() {
        if (nonStop) {
            return "non-stop";
        }
        return (startDay != null ? startDay + " " : "") + startTime + " " + startZone + " to "
            + (endDay != null ? endDay + " " : "") + endTime + " " + endZone
            + (weekdays.size() < 7 ? " on " + weekdays : "");
    }
}
