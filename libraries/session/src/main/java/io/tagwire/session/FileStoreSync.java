package io.tagwire.session;

import java.util.Locale;

/**
 * When a {@link FileMessageStore} forces what it wrote to the disk, the FileStoreSync
 * setting: {@code none} (or QuickFIX's {@code N}) leaves it to the operating system, so a
 * process crash loses nothing but a power failure may; {@code always} (or {@code Y}) syncs
 * before every store call returns; {@code group:<micros>} syncs from a background thread
 * at most every that many microseconds, so the event loop never waits for the disk and a
 * message counts as persisted only once a sync covered it.
 */
public final class FileStoreSync {
    /** Never sync; persisted means written to the operating system. */
    public static final FileStoreSync NONE = new FileStoreSync(Mode.NONE, 0);
    /** Sync on every store call (FileChannel.force). */
    public static final FileStoreSync ALWAYS = new FileStoreSync(Mode.ALWAYS, 0);

    enum Mode { NONE, ALWAYS, GROUP }

    private final Mode mode;
    private final long intervalMicros;

    private FileStoreSync(Mode mode, long intervalMicros) {
        this.mode = mode;
        this.intervalMicros = intervalMicros;
    }

    /** Group commit: a background thread syncs what was written, every {@code intervalMicros} at most. */
    public static FileStoreSync group(long intervalMicros) {
        if (intervalMicros < 1 || intervalMicros > 10_000_000) {
            throw new IllegalArgumentException("group commit interval must be 1 to 10000000 microseconds, was "
                + intervalMicros);
        }
        return new FileStoreSync(Mode.GROUP, intervalMicros);
    }

    /**
     * Reads {@code none}, {@code always}, {@code group:<micros>}, or QuickFIX's {@code N}/{@code Y}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static FileStoreSync parse(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        switch (lower) {
            case "none":
            case "n":
                return NONE;
            case "always":
            case "y":
                return ALWAYS;
            default:
                break;
        }
        if (lower.startsWith("group:")) {
            String micros = lower.substring("group:".length());
            if (!micros.isEmpty() && micros.length() <= 8 && micros.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return group(Long.parseLong(micros));
            }
        }
        throw new IllegalArgumentException("FileStoreSync must be none, always or group:<micros> (or Y/N), was '"
            + text + "'");
    }

    Mode mode() {
        return mode;
    }

    long intervalMicros() {
        return intervalMicros;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileStoreSync && ((FileStoreSync) other).mode == mode
            && ((FileStoreSync) other).intervalMicros == intervalMicros;
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + Long.hashCode(intervalMicros);
    }

    /** The canonical setting text, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return mode == Mode.GROUP ? "group:" + intervalMicros : mode.name().toLowerCase(Locale.ROOT);
    }
}
