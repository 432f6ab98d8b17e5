package io.tagwire.session;

/**
 * Bad session configuration: an unknown key, a bad value, a missing required key, a
 * duplicate session or a line that is not a setting. The message names the file, the line
 * and the key when they are known, for example
 * {@code sessions.cfg:7: HeartBtInt must be a positive integer, was 'thirty'}; settings
 * built in code have no file and no line. Secret values are never part of the message.
 */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    SettingsException(String key, String problem) {
        this(null, 0, key, problem);
    }

    SettingsException(String file, int line, String key, String problem) {
        super(location(file, line) + problem);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    /** The file's name as it was given to the parser, or {@code null} for settings built in code. */
    public String file() {
        return file;
    }

    /** The 1-based line the problem is on, or 0 when there is no line (settings built in code). */
    public int line() {
        return line;
    }

    /** The key the problem is about, or {@code null} when it is not about one key (a duplicate session). */
    public String key() {
        return key;
    }

    /** The message without the {@code file:line: } prefix. */
    public String problem() {
        return problem;
    }

    /** This problem, placed at a line of a file. */
    SettingsException at(String file, int line) {
        SettingsException located = new SettingsException(file, line, key, problem);
        located.setStackTrace(getStackTrace());
        return located;
    }

    private static String location(String file, int line) {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }
}
