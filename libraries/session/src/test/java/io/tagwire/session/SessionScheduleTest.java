package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** SessionSchedule: QuickFIX's StartTime/EndTime/StartDay/EndDay/Weekdays/TimeZone rules, by example. */
class SessionScheduleTest {
    private static SettingsBuilder settings(String startTime, String endTime) {
        return EngineTestSupport.acceptor("FIX.4.4", 9877).nonStopSession(false)
            .set("StartTime", startTime).set("EndTime", endTime);
    }

    private static SessionSchedule schedule(SettingsBuilder settings) {
        return SessionSchedule.from(settings.build());
    }

    /** Epoch nanoseconds of a UTC time such as 2026-11-26T08:00:00, or with a zone: 2026-03-08T17:00:00 America/New_York. */
    private static long at(String time) {
        String[] parts = time.split(" ");
        ZoneId zone = parts.length > 1 ? ZoneId.of(parts[1]) : ZoneId.of("UTC");
        Instant instant = LocalDateTime.parse(parts[0]).atZone(zone).toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static void inside(SessionSchedule schedule, String... times) {
        for (String time : times) {
            assertThat(schedule.isSessionTime(at(time))).as("in session at %s", time).isTrue();
        }
    }

    private static void outside(SessionSchedule schedule, String... times) {
        for (String time : times) {
            assertThat(schedule.isSessionTime(at(time))).as("out of session at %s", time).isFalse();
        }
    }

    private static void samePeriod(SessionSchedule schedule, String a, String b, boolean same) {
        assertThat(schedule.isSameSession(at(a), at(b))).as("%s and %s in one period", a, b).isEqualTo(same);
    }

    @Test
    void nonStopSessionsAreAlwaysInOnePeriod() {
        SessionSchedule schedule = schedule(EngineTestSupport.acceptor("FIX.4.4", 9877));
        assertThat(schedule.isNonStop()).isTrue();
        inside(schedule, "2026-11-26T00:00:00", "2026-11-29T13:00:00");
        samePeriod(schedule, "2020-01-01T00:00:00", "2026-11-26T12:00:00", true);
        // NonStopSession=Y wins over times that are also set (QuickFIX/J's acceptance configuration sets both)
        SessionSchedule both = schedule(settings("08:00:00", "17:00:00").nonStopSession(true));
        inside(both, "2026-11-26T03:00:00");
    }

    @Test
    void aDailySessionRunsFromStartTimeToEndTimeEveryDay() {
        SessionSchedule schedule = schedule(settings("08:00:00", "17:00:00"));
        outside(schedule, "2026-11-26T07:59:59", "2026-11-26T17:00:00", "2026-11-26T23:00:00");
        inside(schedule, "2026-11-26T08:00:00", "2026-11-26T12:00:00", "2026-11-26T16:59:59.999999999",
            "2026-11-28T08:00:00", "2026-11-29T10:00:00");
        samePeriod(schedule, "2026-11-26T08:00:00", "2026-11-26T16:59:59", true);
        samePeriod(schedule, "2026-11-26T16:00:00", "2026-11-27T09:00:00", false);
        samePeriod(schedule, "2026-11-26T07:00:00", "2026-11-26T07:30:00", false);
        assertThat(schedule.periodStartNanos(at("2026-11-26T12:00:00"))).isEqualTo(at("2026-11-26T08:00:00"));
    }

    @Test
    void anEndTimeBeforeTheStartTimeCrossesMidnight() {
        SessionSchedule schedule = schedule(settings("22:00:00", "06:00:00"));
        inside(schedule, "2026-11-26T22:00:00", "2026-11-26T23:59:59", "2026-11-27T00:00:00", "2026-11-27T05:59:59");
        outside(schedule, "2026-11-27T06:00:00", "2026-11-27T12:00:00", "2026-11-27T21:59:59");
        samePeriod(schedule, "2026-11-26T23:00:00", "2026-11-27T05:00:00", true);
        samePeriod(schedule, "2026-11-27T05:00:00", "2026-11-27T23:00:00", false);
        assertThat(schedule.periodStartNanos(at("2026-11-27T03:00:00"))).isEqualTo(at("2026-11-26T22:00:00"));
    }

    @Test
    void equalStartAndEndTimesMakeTwentyFourHourPeriodsThatChangeAtStartTime() {
        SessionSchedule schedule = schedule(settings("17:00:00", "17:00:00"));
        inside(schedule, "2026-11-26T16:59:59", "2026-11-26T17:00:00", "2026-11-27T03:00:00");
        samePeriod(schedule, "2026-11-26T16:59:59", "2026-11-26T17:00:00", false);
        samePeriod(schedule, "2026-11-26T17:00:00", "2026-11-27T16:59:59", true);
        SessionSchedule midnight = schedule(settings("00:00:00", "00:00:00"));
        samePeriod(midnight, "2026-11-26T00:00:00", "2026-11-26T23:59:59", true);
        samePeriod(midnight, "2026-11-26T23:59:59", "2026-11-27T00:00:00", false);
    }

    @Test
    void weekdaysLimitADailySessionToTheDaysListed() {
        // 2026-11-27 is a Friday
        SessionSchedule schedule = schedule(settings("08:00:00", "17:00:00").set("Weekdays", "Mon,Tue,Wed,Thu,Fri"));
        inside(schedule, "2026-11-27T09:00:00", "2026-11-30T09:00:00");
        outside(schedule, "2026-11-28T09:00:00", "2026-11-29T09:00:00", "2026-11-27T18:00:00");
        SessionSchedule fullDays = schedule(settings("00:00:00", "00:00:00").set("Weekdays", "Mon,Tue,Wed,Thu,Fri"));
        inside(fullDays, "2026-11-27T00:00:00", "2026-11-27T23:59:59");
        outside(fullDays, "2026-11-28T00:00:00", "2026-11-29T23:59:59");
        inside(fullDays, "2026-11-30T00:00:00");
    }

    @Test
    void weekdaysOfAPeriodCrossingMidnightCountItsStartAndItsLastDay() {
        // FX: Sunday 17:05 to Monday 16:55 New York, ..., Thursday 17:05 to Friday 16:55
        SessionSchedule fx = schedule(settings("17:05:00", "16:55:00").set("TimeZone", "America/New_York")
            .set("Weekdays", "Sun,Mon,Tue,Wed,Thu,Fri"));
        inside(fx, "2026-11-29T17:05:00 America/New_York", "2026-11-30T16:54:59 America/New_York",
            "2026-11-27T16:00:00 America/New_York");
        outside(fx, "2026-11-27T17:05:00 America/New_York", "2026-11-28T12:00:00 America/New_York",
            "2026-11-29T17:00:00 America/New_York", "2026-11-30T17:00:00 America/New_York");
        samePeriod(fx, "2026-11-29T18:00:00 America/New_York", "2026-11-30T16:00:00 America/New_York", true);
        samePeriod(fx, "2026-11-30T16:00:00 America/New_York", "2026-11-30T18:00:00 America/New_York", false);
    }

    @Test
    void aWeeklySessionRunsFromStartDayToEndDay() {
        // Sunday 17:00 to Friday 17:00 Chicago, one period a week
        SessionSchedule schedule = schedule(settings("17:00:00", "17:00:00").set("TimeZone", "America/Chicago")
            .set("StartDay", "Sunday").set("EndDay", "Friday"));
        inside(schedule, "2026-11-29T17:00:00 America/Chicago", "2026-12-01T03:00:00 America/Chicago",
            "2026-12-04T16:59:59 America/Chicago");
        outside(schedule, "2026-12-04T17:00:00 America/Chicago", "2026-12-05T12:00:00 America/Chicago",
            "2026-12-06T16:59:59 America/Chicago");
        samePeriod(schedule, "2026-11-29T18:00:00 America/Chicago", "2026-12-04T16:00:00 America/Chicago", true);
        samePeriod(schedule, "2026-12-04T16:00:00 America/Chicago", "2026-12-06T18:00:00 America/Chicago", false);
    }

    @Test
    void aWeeklySessionOnOneDayIsEitherThatDayOrAlmostTheWholeWeek() {
        // 2026-11-30 is a Monday
        SessionSchedule monday = schedule(settings("08:00:00", "17:00:00").set("StartDay", "Mon").set("EndDay", "Mon"));
        inside(monday, "2026-11-30T08:00:00", "2026-11-30T16:00:00");
        outside(monday, "2026-11-30T17:00:00", "2026-12-01T09:00:00", "2026-11-29T09:00:00");
        SessionSchedule week = schedule(settings("17:00:00", "08:00:00").set("StartDay", "Mon").set("EndDay", "Mon"));
        inside(week, "2026-11-30T17:00:00", "2026-12-03T12:00:00", "2026-12-07T07:59:59");
        outside(week, "2026-12-07T08:00:00", "2026-12-07T16:59:59");
        samePeriod(week, "2026-11-30T17:00:00", "2026-12-07T07:59:59", true);
        SessionSchedule wholeWeek = schedule(settings("06:00:00", "06:00:00").set("StartDay", "Sun")
            .set("EndDay", "Sun"));
        inside(wholeWeek, "2026-11-29T05:59:59", "2026-11-29T06:00:00");
        samePeriod(wholeWeek, "2026-11-29T05:59:59", "2026-11-29T06:00:00", false);
        samePeriod(wholeWeek, "2026-11-29T06:00:00", "2026-12-06T05:59:59", true);
    }

    @Test
    void localTimesFollowDaylightSavingTime() {
        // New York springs forward on 2026-03-08: 17:00 is 22:00 UTC before, 21:00 UTC after
        SessionSchedule schedule = schedule(settings("09:30:00", "17:00:00").set("TimeZone", "America/New_York"));
        inside(schedule, "2026-03-06T21:59:59", "2026-03-09T20:59:59");
        outside(schedule, "2026-03-06T22:00:00", "2026-03-09T21:00:00");
        inside(schedule, "2026-03-06T14:30:00", "2026-03-09T13:30:00");
        outside(schedule, "2026-03-06T14:29:59", "2026-03-09T13:29:59");
        // London falls back on 2026-10-25 at 02:00: a 23:00 to 03:00 session that night lasts five hours
        SessionSchedule night = schedule(settings("23:00:00", "03:00:00").set("TimeZone", "Europe/London"));
        assertThat(night.periodEndNanos(at("2026-10-24T23:30:00")) - night.periodStartNanos(at("2026-10-24T23:30:00")))
            .isEqualTo(5 * 3_600_000_000_000L);
        // 02:30 does not exist in New York on 2026-03-08: the period starts at 03:30 local time
        SessionSchedule gap = schedule(settings("02:30:00", "06:00:00").set("TimeZone", "America/New_York"));
        outside(gap, "2026-03-08T06:45:00");
        inside(gap, "2026-03-08T07:30:00", "2026-03-09T06:30:00");
        assertThat(gap.periodStartNanos(at("2026-03-08T08:00:00"))).isEqualTo(at("2026-03-08T03:30:00 America/New_York"));
    }

    @Test
    void aWeeklySessionAcrossTheEndOfDaylightSavingTimeKeepsItsLocalTimes() {
        // Chicago falls back on Sunday 2026-11-01: 17:00 is 22:00 UTC before, 23:00 UTC after
        SessionSchedule schedule = schedule(settings("17:00:00", "17:00:00").set("TimeZone", "America/Chicago")
            .set("StartDay", "Sun").set("EndDay", "Fri"));
        inside(schedule, "2026-10-25T22:00:00", "2026-10-30T21:59:59", "2026-11-01T23:00:00", "2026-11-06T22:59:59");
        outside(schedule, "2026-10-25T21:59:59", "2026-10-30T22:00:00", "2026-11-01T22:30:00", "2026-11-06T23:00:00");
        samePeriod(schedule, "2026-10-26T12:00:00", "2026-11-02T12:00:00", false);
    }

    @Test
    void aZoneWrittenAfterATimeWinsOverTimeZone() {
        SessionSchedule schedule = schedule(settings("08:00:00 Europe/London", "16:30:00 America/New_York")
            .set("TimeZone", "Asia/Tokyo"));
        inside(schedule, "2026-11-26T08:00:00", "2026-11-26T21:29:59");
        outside(schedule, "2026-11-26T07:59:59", "2026-11-26T21:30:00");
    }

    @Test
    void theTimeZoneDefaultsToUtc() {
        SessionSchedule schedule = schedule(settings("08:00:00", "09:00:00"));
        inside(schedule, "2026-07-01T08:30:00");
        outside(schedule, "2026-07-01T08:30:00 Europe/Paris");
    }

    @Test
    void answersForAnyOrderOfTimesAsked() {
        SessionSchedule schedule = schedule(settings("08:00:00", "17:00:00"));
        inside(schedule, "2026-11-26T12:00:00");
        outside(schedule, "2026-11-26T07:00:00");
        inside(schedule, "2026-11-25T12:00:00");
        outside(schedule, "2026-11-27T18:00:00", "2026-11-27T07:59:59");
        inside(schedule, "2026-11-27T08:00:00", "2026-11-26T16:59:59");
    }

    @Test
    void askingAgainWithinAPeriodAllocatesNothing() {
        SessionSchedule schedule = schedule(settings("08:00:00", "17:00:00").set("TimeZone", "Europe/London"));
        long start = at("2026-11-26T08:00:00");
        long creation = start + 1_000_000_000L;
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        boolean all = askEverySecond(schedule, start, creation);
        long before = threads.getCurrentThreadAllocatedBytes();
        all &= askEverySecond(schedule, start, creation);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(all).isTrue();
        // 28,800 times two questions; a few hundred bytes at most come from the JIT, not from the calls
        assertThat(allocated).isLessThan(1024);
    }

    private static boolean askEverySecond(SessionSchedule schedule, long start, long creation) {
        boolean all = true;
        for (long now = start; now < start + 8 * 3_600_000_000_000L; now += 1_000_000_000L) {
            all &= schedule.isSessionTime(now) && schedule.isSameSession(now, creation);
        }
        return all;
    }
}
