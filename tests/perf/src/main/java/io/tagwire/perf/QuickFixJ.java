package io.tagwire.perf;

import quickfix.ConfigError;
import quickfix.DataDictionary;

/** The QuickFIX/J side of the benchmarks: its bundled FIX 4.4 dictionary, loaded once per JVM. */
final class QuickFixJ {
    private static DataDictionary fix44;

    private QuickFixJ() {
    }

    /** QuickFIX/J's FIX44.xml from quickfixj-messages; loading takes a second, so it is shared. */
    static synchronized DataDictionary fix44Dictionary() throws ConfigError {
        if (fix44 == null) {
            fix44 = new DataDictionary("FIX44.xml");
        }
        return fix44;
    }
}
