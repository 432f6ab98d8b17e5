package io.tagwire.conformance;

import java.nio.file.Path;
import java.util.List;

/**
 * The scripts of one version directory that run against one acceptor instance, for
 * example {@code fix44/} or {@code variants/resendRequestChunkSize/fix44/}.
 *
 * @param settings what the acceptor is started with
 * @param scripts the {@code .def} files, in name order
 */
public record Suite(SuiteSettings settings, List<Path> scripts) {

    public Suite {
        scripts = List.copyOf(scripts);
    }

    /** {@code fix44} or {@code resendRequestChunkSize/fix44}. */
    public String name() {
        return settings.name();
    }

    /** {@code fix44/2a_MsgSeqNumCorrect}: the suite's name and the file name without {@code .def}. */
    public String scriptId(Path script) {
        String file = script.getFileName().toString();
        return name() + "/" + (file.endsWith(".def") ? file.substring(0, file.length() - 4) : file);
    }
}
