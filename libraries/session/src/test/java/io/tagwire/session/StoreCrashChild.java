package io.tagwire.session;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The process {@link StoreCrashTest} kills: a Tagwire initiator with a file store that
 * sends NewOrderSingles as fast as the store lets it and prints {@code persisted <n>}
 * each time the store reports a higher persisted MsgSeqNum. Arguments: port, store
 * directory, FileStoreSync value, round number (for unique ClOrdIDs).
 */
final class StoreCrashChild {
    private StoreCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String round = args[3];
        SessionSettings settings = EngineTestSupport.initiator("FIX.4.4", port)
            .set("FileStorePath", args[1]).set("FileStoreSync", args[2]).build();
        SessionID id = settings.sessionId();
        AtomicReference<FileMessageStore> store = new AtomicReference<>();
        Engine engine = Engine.builder().sessions(List.of(settings)).application(new Application() { })
            .stores((s, nowNanos) -> {
                FileMessageStore opened = FileMessageStore.fromSettings(s, nowNanos);
                store.set(opened);
                return opened;
            })
            .build();
        PrintStream out = System.out;
        int reported = store.get().persistedSenderMsgSeqNum();
        out.println("persisted " + reported);
        out.flush();
        engine.start();
        int orders = 0;
        while (true) {
            if (engine.isLoggedOn(id)) {
                byte[] body = EngineTestSupport.wire(EngineTestSupport.newOrderSingle("FIX.4.4",
                    "R" + round + "-" + orders));
                if (engine.send(id, "D", body, 0, body.length)) {
                    orders++;
                }
            }
            int persisted = store.get().persistedSenderMsgSeqNum();
            if (persisted > reported) {
                reported = persisted;
                out.println("persisted " + persisted);
                out.flush();
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
