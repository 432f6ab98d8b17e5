package io.tagwire.cli;

import io.tagwire.codec.Dictionary;
import io.tagwire.codec.FixEncoder;
import io.tagwire.codec.FixMessage;
import io.tagwire.session.Application;
import io.tagwire.session.Session;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The application behind the QuickFIX acceptance tests: NewOrderSingle(D) and
 * SecurityDefinition(d) come back as new messages with the same body; every other
 * application message is answered as unsupported. A NewOrderSingle with PossResend(97)=Y
 * whose ClOrdID(11) was already seen in this logon is ignored. Users run it with
 * {@code tagwire acceptor --app echo} to try their initiators.
 */
public final class EchoApplication implements Application {
    private final Map<Session, Set<String>> clOrdIdsSeen = new HashMap<>();

    @Override
    public void onLogon(Session session) {
        clOrdIdsSeen.put(session, new HashSet<>());
    }

    @Override
    public void onLogout(Session session) {
        clOrdIdsSeen.remove(session);
    }

    @Override
    public void fromApp(FixMessage message, Session session) {
        long msgType = message.msgTypeKey();
        if (msgType == 'D') {
            String clOrdId = message.getString(11);
            Set<String> seen = clOrdIdsSeen.computeIfAbsent(session, s -> new HashSet<>());
            if (message.getBoolean(97, false) && clOrdId != null && seen.contains(clOrdId)) {
                return;
            }
            if (clOrdId != null) {
                seen.add(clOrdId);
            }
            echo(message, session);
        } else if (msgType == 'd' && hasSecurityDefinition(session)) {
            echo(message, session);
        } else {
            session.rejectUnsupportedMessageType(message);
        }
    }

    private static boolean hasSecurityDefinition(Session session) {
        String beginString = session.sessionId().beginString();
        return !beginString.equals("FIX.4.0") && !beginString.equals("FIX.4.1");
    }

    /**
     * A copy of the body under a fresh header. Header fields the session writes itself, and
     * PossDupFlag(43)/OrigSendingTime(122), are not copied; nor are NumInGroup counts of 0.
     */
    private static void echo(FixMessage message, Session session) {
        Dictionary dictionary = dictionary(session);
        FixEncoder encoder = session.newMessage(message.msgType());
        for (int i = 0, n = message.fieldCount(); i < n; i++) {
            int tag = message.tagAt(i);
            if (isSessionControlled(tag)) {
                continue;
            }
            if (message.valueLength(i) == 1 && message.buffer()[message.valueOffset(i)] == '0'
                && dictionary.group(message.msgTypeKey(), tag) != null) {
                continue;
            }
            encoder.putBytes(tag, message.buffer(), message.valueOffset(i), message.valueLength(i));
        }
        session.send();
    }

    private static Dictionary dictionary(Session session) {
        String beginString = session.sessionId().beginString();
        return Dictionary.standard(beginString.startsWith("FIXT") ? "FIX.5.0SP2" : beginString);
    }

    static boolean isSessionControlled(int tag) {
        switch (tag) {
            case 8: case 9: case 10: case 34: case 35: case 43: case 49: case 52: case 56: case 122: case 369:
                return true;
            default:
                return false;
        }
    }
}
