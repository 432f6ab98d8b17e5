package io.tagwire.trading;

/**
 * Where an order stands, from the client's side. The states mirror OrdStatus(39), plus
 * the client's own pending states while a request is unanswered. One {@link Order} spans
 * its whole ClOrdID chain, so {@link #REPLACED} (OrdStatus 5, sent by some FIX 4.2 venues
 * after a replace) is an open state: the order lives on under its new ClOrdID.
 */
public enum OrderState {
    PENDING_NEW(false),
    NEW(false),
    PARTIALLY_FILLED(false),
    FILLED(true),
    PENDING_CANCEL(false),
    CANCELED(true),
    PENDING_REPLACE(false),
    REPLACED(false),
    REJECTED(true),
    EXPIRED(true);

    private final boolean terminal;

    OrderState(boolean terminal) {
        this.terminal = terminal;
    }

    /** No more fills or changes can come: FILLED, CANCELED, REJECTED, EXPIRED. */
    public boolean isTerminal() {
        return terminal;
    }

    /**
     * The state an OrdStatus(39) value means, or null for the values that leave the state
     * as it is (3 DoneForDay, 7 Stopped, 9 Suspended, B Calculated, D AcceptedForBidding):
     * they say something about the order's day, not whether it is working.
     */
    static OrderState ofOrdStatus(char ordStatus) {
        switch (ordStatus) {
            case '0':
                return NEW;
            case '1':
                return PARTIALLY_FILLED;
            case '2':
                return FILLED;
            case '4':
                return CANCELED;
            case '5':
                return REPLACED;
            case '6':
                return PENDING_CANCEL;
            case '8':
                return REJECTED;
            case 'A':
                return PENDING_NEW;
            case 'C':
                return EXPIRED;
            case 'E':
                return PENDING_REPLACE;
            default:
                return null;
        }
    }
}
