package io.tagwire.session;

import io.tagwire.codec.Ascii;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A session's logs in FileLogPath, as QuickFIX/J names them:
 * {@code FIX.4.4-SENDER-TARGET.messages.log} with one line per message in and out
 * ({@code 20261126-10:15:02.123456 in  8=FIX.4.4|9=...|10=123|}, secrets masked) and
 * {@code FIX.4.4-SENDER-TARGET.event.log} with the session's events. Each line is one
 * append write, so nothing is held back in a buffer when the process dies.
 * Messages are logged by the event-loop thread without allocating; events, which allocate,
 * from any thread.
 */
final class FileSessionLog implements AutoCloseable {
    private static final byte[] IN = {'i', 'n', ' ', ' '};
    private static final byte[] OUT = {'o', 'u', 't', ' '};
    private static final int TIMESTAMP_LENGTH = 24; // yyyyMMdd-HH:mm:ss.SSSSSS

    private final Path messagesFile;
    private final Path eventsFile;
    private final FileChannel messages;
    private final FileChannel events;
    private final MessageMasker masker;
    private final boolean logHeartbeats;
    private final LongSupplier clock;
    private final byte[] date = new byte[9];
    private long dateDay = Long.MIN_VALUE;
    private byte[] line = new byte[4096];
    private ByteBuffer direct = ByteBuffer.allocateDirect(4096);

    private FileSessionLog(Path messagesFile, Path eventsFile, MessageMasker masker, boolean logHeartbeats,
                           LongSupplier clock) throws IOException {
        this.messagesFile = messagesFile;
        this.eventsFile = eventsFile;
        this.masker = masker;
        this.logHeartbeats = logHeartbeats;
        this.clock = clock;
        this.messages = append(messagesFile);
        try {
            this.events = append(eventsFile);
        } catch (IOException e) {
            messages.close();
            throw e;
        }
    }

    /**
     * Opens (appending) the logs of session {@code id} in {@code directory}, created if
     * missing. This method allocates memory.
     *
     * @param clock epoch nanoseconds for the message lines, read on the event-loop thread
     */
    static FileSessionLog open(Path directory, SessionID id, Set<Integer> maskTags, boolean logHeartbeats,
                               LongSupplier clock) throws IOException {
        Files.createDirectories(directory);
        String prefix = FileMessageStore.fileNamePrefix(id);
        return new FileSessionLog(directory.resolve(prefix + ".messages.log"), directory.resolve(prefix + ".event.log"),
            new MessageMasker(maskTags), logHeartbeats, clock);
    }

    private static FileChannel append(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    Path messagesFile() {
        return messagesFile;
    }

    Path eventsFile() {
        return eventsFile;
    }

    void inbound(byte[] buffer, int offset, int length) throws IOException {
        message(IN, buffer, offset, length);
    }

    void outbound(byte[] buffer, int offset, int length) throws IOException {
        message(OUT, buffer, offset, length);
    }

    /** This method allocates memory. */
    synchronized void event(String text) throws IOException {
        byte[] stamp = new byte[TIMESTAMP_LENGTH + 1];
        timestamp(System.currentTimeMillis() * 1_000_000L, stamp, 0, new byte[9]);
        stamp[TIMESTAMP_LENGTH] = ' ';
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(stamp.length + body.length).put(stamp).put(body).flip();
        while (bytes.hasRemaining()) {
            events.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            messages.close();
        } finally {
            events.close();
        }
    }

    private void message(byte[] direction, byte[] buffer, int offset, int length) throws IOException {
        if (!logHeartbeats && isHeartbeat(buffer, offset, length)) {
            return;
        }
        int size = TIMESTAMP_LENGTH + 1 + direction.length + MessageMasker.maxOutput(length) + 1;
        if (line.length < size) {
            line = new byte[Math.max(size, line.length * 2)];
            direct = ByteBuffer.allocateDirect(line.length);
        }
        long now = clock.getAsLong();
        long day = Math.floorDiv(now, 86_400_000_000_000L);
        if (day != dateDay) {
            dateDay = day;
            writeDate(day, date);
        }
        timestamp(now, line, 0, date);
        int p = TIMESTAMP_LENGTH;
        line[p++] = ' ';
        System.arraycopy(direction, 0, line, p, direction.length);
        p += direction.length;
        p += masker.mask(buffer, offset, length, line, p);
        line[p++] = '\n';
        ByteBuffer out = direct;
        out.clear();
        out.put(line, 0, p).flip();
        while (out.hasRemaining()) {
            messages.write(out);
        }
    }

    // MsgType(35) is the third field: 8=...|9=...|35=0|
    static boolean isHeartbeat(byte[] buffer, int offset, int length) {
        int end = Math.min(offset + length, offset + 40);
        for (int i = offset; i + 5 < end; i++) {
            if (buffer[i] == Ascii.SOH && buffer[i + 1] == '3' && buffer[i + 2] == '5' && buffer[i + 3] == '='
                && buffer[i + 4] == '0' && buffer[i + 5] == Ascii.SOH) {
                return true;
            }
        }
        return false;
    }

    private static void timestamp(long epochNanos, byte[] out, int at, byte[] dateBytes) {
        long day = Math.floorDiv(epochNanos, 86_400_000_000_000L);
        if (dateBytes[0] == 0) {
            writeDate(day, dateBytes);
        }
        System.arraycopy(dateBytes, 0, out, at, 9);
        long nanosOfDay = epochNanos - day * 86_400_000_000_000L;
        long micros = nanosOfDay / 1000;
        int seconds = (int) (micros / 1_000_000);
        two(out, at + 9, seconds / 3600);
        out[at + 11] = ':';
        two(out, at + 12, seconds / 60 % 60);
        out[at + 14] = ':';
        two(out, at + 15, seconds % 60);
        out[at + 17] = '.';
        int fraction = (int) (micros % 1_000_000);
        for (int i = at + 23; i >= at + 18; i--) {
            out[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
    }

    // once per day: yyyyMMdd-
    private static void writeDate(long day, byte[] out) {
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        out[0] = (byte) ('0' + year / 1000 % 10);
        out[1] = (byte) ('0' + year / 100 % 10);
        two(out, 2, year % 100);
        two(out, 4, date.getMonthValue());
        two(out, 6, date.getDayOfMonth());
        out[8] = '-';
    }

    private static void two(byte[] out, int at, int value) {
        out[at] = (byte) ('0' + value / 10);
        out[at + 1] = (byte) ('0' + value % 10);
    }
}
