package io.tagwire.session;

import io.tagwire.codec.FixEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's events and messages through SLF4J, under the logger
 * {@code io.tagwire.session.<SessionID>}: events at INFO, messages in and out at DEBUG (so
 * nothing is formatted unless DEBUG is on), and, with FileLogPath, to the session's log
 * files as well ({@link FileSessionLog}, which allocates nothing per message). Messages are
 * shown with {@code |} for SOH and the values of Password(554), NewPassword(925),
 * RawData(96) and the LogMaskTags masked as {@code ****}. Never throws: a failing log file
 * is reported once through SLF4J and then left alone.
 */
final class Slf4jSessionLog implements SessionEventLog, AutoCloseable {
    static final String LOGGER_PREFIX = "io.tagwire.session.";
    private static final MessageMasker STANDARD = new MessageMasker(Set.of());

    private final Logger logger;
    private final MessageMasker masker;
    private FileSessionLog files;

    Slf4jSessionLog(SessionID id) {
        this(id, STANDARD, null);
    }

    private Slf4jSessionLog(SessionID id, MessageMasker masker, FileSessionLog files) {
        this.logger = LoggerFactory.getLogger(LOGGER_PREFIX + id);
        this.masker = masker;
        this.files = files;
    }

    /**
     * The log the settings ask for: SLF4J always, log files too with FileLogPath
     * (FileLogHeartbeats, LogMaskTags apply). This method allocates memory.
     *
     * @throws IOException if the log files cannot be opened
     */
    static Slf4jSessionLog open(SessionSettings settings) throws IOException {
        SessionID id = settings.sessionId();
        Set<Integer> maskTags = new HashSet<>();
        settings.value(SettingsKey.LOG_MASK_TAGS.settingName()).ifPresent(tags -> {
            for (String tag : tags.split(",")) {
                maskTags.add(Integer.valueOf(tag));
            }
        });
        MessageMasker masker = maskTags.isEmpty() ? STANDARD : new MessageMasker(maskTags);
        String path = settings.value(SettingsKey.FILE_LOG_PATH.settingName()).orElse(null);
        FileSessionLog files = null;
        if (path != null) {
            boolean heartbeats = settings.value(SettingsKey.FILE_LOG_HEARTBEATS.settingName()).orElse("N").equals("Y");
            files = FileSessionLog.open(Path.of(path), id, maskTags, heartbeats, new EngineClock());
        }
        return new Slf4jSessionLog(id, masker, files);
    }

    /** The log files, or null without FileLogPath. */
    FileSessionLog files() {
        return files;
    }

    @Override
    public void event(SessionID id, String text) {
        logger.info("{}", text);
        toFile(text);
    }

    /** Logs an event at WARN. */
    void warn(String text) {
        logger.warn("{}", text);
        toFile(text);
    }

    /** Logs an error with its cause. */
    void error(String text, Throwable cause) {
        logger.error(text, cause);
        toFile(text + ": " + cause);
    }

    @Override
    public void outbound(SessionID id, SessionWriter writer) {
        FixEncoder encoder = writer.encoder();
        FileSessionLog f = files;
        if (f != null) {
            try {
                f.outbound(encoder.buffer(), encoder.messageOffset(), encoder.messageLength());
            } catch (IOException e) {
                fileFailed(e);
            }
        }
        if (logger.isDebugEnabled()) {
            logger.debug("out {}", maskedText(encoder.buffer(), encoder.messageOffset(), encoder.messageLength()));
        }
    }

    boolean inboundEnabled() {
        return files != null || logger.isDebugEnabled();
    }

    /** Logs an inbound message; check {@link #inboundEnabled()} first on the hot path. */
    void inbound(byte[] buffer, int offset, int length) {
        FileSessionLog f = files;
        if (f != null) {
            try {
                f.inbound(buffer, offset, length);
            } catch (IOException e) {
                fileFailed(e);
            }
        }
        if (logger.isDebugEnabled()) {
            logger.debug("in  {}", maskedText(buffer, offset, length));
        }
    }

    @Override
    public void close() {
        FileSessionLog f = files;
        files = null;
        if (f != null) {
            try {
                f.close();
            } catch (IOException e) {
                logger.warn("cannot close the log files: {}", e.getMessage());
            }
        }
    }

    /** The message as text with this log's masking. This method allocates memory. */
    String maskedText(byte[] buffer, int offset, int length) {
        return mask(masker, buffer, offset, length);
    }

    /**
     * The message as text, SOH shown as {@code |}, the standard secrets replaced by
     * {@code ****}. This method allocates memory.
     */
    static String masked(byte[] buffer, int offset, int length) {
        return mask(STANDARD, buffer, offset, length);
    }

    private static String mask(MessageMasker masker, byte[] buffer, int offset, int length) {
        byte[] out = new byte[MessageMasker.maxOutput(length)];
        int n = masker.mask(buffer, offset, length, out, 0);
        return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }

    private void toFile(String text) {
        FileSessionLog f = files;
        if (f != null) {
            try {
                f.event(text);
            } catch (IOException e) {
                fileFailed(e);
            }
        }
    }

    private void fileFailed(IOException e) {
        logger.error("cannot write the log files; logging to SLF4J only from now on", e);
        close();
    }
}
