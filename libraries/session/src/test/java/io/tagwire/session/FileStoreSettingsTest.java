package io.tagwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileStorePath selects the journal store, FileStoreSync its policy; a bad policy names the line. */
class FileStoreSettingsTest {
    @TempDir
    Path directory;

    private static SessionSettings load(String... lines) throws IOException {
        String text = String.join("\n", "[DEFAULT]", "ConnectionType=acceptor", "SenderCompID=ISLD",
            "NonStopSession=Y", "SocketAcceptPort=9877", "[SESSION]", "BeginString=FIX.4.4", "TargetCompID=TW",
            String.join("\n", lines));
        return SettingsFile.parse(new StringReader(text), "sessions.cfg", Map.<String, String>of()::get)
            .sessions().get(0);
    }

    @Test
    void fileStorePathSelectsTheJournalWithItsSyncPolicy() throws IOException {
        SessionSettings settings = load("FileStorePath=" + directory.resolve("store"), "FileStoreSync=group:250");
        assertThat(settings.notYetSupported()).isEmpty();
        assertThat(settings.value("FileStoreSync")).contains("group:250");
        MessageStore store = SessionFactory.FROM_SETTINGS.create(settings, 1L);
        try {
            assertThat(store).isInstanceOf(FileMessageStore.class);
            assertThat(Files.exists(directory.resolve("store/FIX.4.4-ISLD-TW.body"))).isTrue();
            assertThat(Files.exists(directory.resolve("store/FIX.4.4-ISLD-TW.seqnums"))).isTrue();
        } finally {
            store.close();
        }
    }

    @Test
    void withoutFileStorePathTheStoreIsInMemory() throws IOException {
        assertThat(SessionFactory.FROM_SETTINGS.create(load(), 1L)).isInstanceOf(MemoryMessageStore.class);
    }

    @Test
    void quickFixBooleanSyncValuesStillLoad() throws IOException {
        assertThat(load("FileStoreSync=Y").value("FileStoreSync")).contains("always");
        assertThat(load("FileStoreSync=n").value("FileStoreSync")).contains("none");
        assertThat(load().value("FileStoreSync")).contains("none");
    }

    @Test
    void unknownSyncPolicyFailsNamingKeyAndLine() {
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> load("FileStoreSync=sometimes"));
        assertThat(e).hasMessage("sessions.cfg:9: FileStoreSync must be none, always or group:<micros> (or Y/N),"
            + " was 'sometimes'");
        assertThat(e.key()).isEqualTo("FileStoreSync");
    }
}
