package io.tagwire.conformance;

import java.util.Optional;

/** The versions the acceptance scripts cover, by script directory name. */
public enum FixVersion {
    FIX40("fix40", "FIX.4.0"),
    FIX41("fix41", "FIX.4.1"),
    FIX42("fix42", "FIX.4.2"),
    FIX43("fix43", "FIX.4.3"),
    FIX44("fix44", "FIX.4.4"),
    /** A FIXT.1.1 session with DefaultApplVerID(1137)=7, FIX.5.0 (FORMAT.md, per-version setup). */
    FIX50("fix50", "FIXT.1.1");

    private final String directoryName;
    private final String beginString;

    FixVersion(String directoryName, String beginString) {
        this.directoryName = directoryName;
        this.beginString = beginString;
    }

    public String directoryName() {
        return directoryName;
    }

    /** BeginString(8) of the acceptor's session. */
    public String beginString() {
        return beginString;
    }

    /** Whether the session is FIXT.1.1, with the application version chosen by DefaultApplVerID. */
    public boolean isFixt() {
        return this == FIX50;
    }

    /** The acceptor's session, as {@code iSET_SESSION} writes it: {@code FIX.4.4:ISLD->TW}. */
    public String sessionId() {
        return beginString + ":ISLD->TW";
    }

    /** The version whose scripts live in a directory of this name, if any. */
    public static Optional<FixVersion> fromDirectory(String name) {
        for (FixVersion version : values()) {
            if (version.directoryName.equals(name)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
