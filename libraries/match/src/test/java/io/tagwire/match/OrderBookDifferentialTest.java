package io.tagwire.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real book and {@link ReferenceBook} get the same seeded random commands (valid and invalid submits of
 * every type, TimeInForce and post-only flag, cancels, amends) and must emit the same events after every
 * command and hold the same book at checkpoints and at the end. A failure names the seed and the command;
 * rerun one seed with {@code -Dmatch.seed=N}.
 */
class OrderBookDifferentialTest {
    private static final int COMMANDS = 100_000;
    private static final int CHECKPOINT_EVERY = 1_000;
    private static final Instrument INSTRUMENT = new Instrument("BTCUSDT", 2, 5, 3, 10);

    @Test
    @Timeout(60)
    void matchesReferenceBookOnAFixedSeed() {
        run(Long.getLong("match.seed", 20261126L), 1024);
    }

    @Test
    @Timeout(60)
    void matchesReferenceBookOnAFreshSeedWithPoolsGrowingFromEmpty() {
        run(Long.getLong("match.seed", System.nanoTime()), 0);
    }

    private static void run(long seed, int expectedOrders) {
        RecordingListener realEvents = new RecordingListener();
        RecordingListener referenceEvents = new RecordingListener();
        OrderBook real = new OrderBook(INSTRUMENT, realEvents, expectedOrders);
        ReferenceBook reference = new ReferenceBook(INSTRUMENT, referenceEvents);
        CommandSource commands = new CommandSource(new SplittableRandom(seed), reference);
        for (int i = 1; i <= COMMANDS; i++) {
            String command = commands.next(real, reference);
            List<BookEvent> actual = realEvents.take();
            List<BookEvent> expected = referenceEvents.take();
            long probe = commands.probeId();
            // plain comparisons first: building AssertJ descriptions 100,000 times would cost more than the books
            if (!actual.equals(expected)
                    || real.bestBid() != reference.bestBid()
                    || real.bestAsk() != reference.bestAsk()
                    || real.openQuantity(probe) != reference.openQuantity(probe)
                    || real.price(probe) != reference.price(probe)
                    || real.side(probe) != reference.side(probe)
                    || i % CHECKPOINT_EVERY == 0) {
                String where = "seed " + seed + " (rerun with -Dmatch.seed=" + seed + "), command " + i + ": "
                        + command;
                assertThat(actual).as(where).isEqualTo(expected);
                assertThat(real.bestBid()).as(where + ", best bid").isEqualTo(reference.bestBid());
                assertThat(real.bestAsk()).as(where + ", best ask").isEqualTo(reference.bestAsk());
                assertThat(real.openQuantity(probe)).as(where + ", open quantity of " + probe)
                        .isEqualTo(reference.openQuantity(probe));
                assertThat(real.price(probe)).as(where + ", price of " + probe).isEqualTo(reference.price(probe));
                assertThat(real.side(probe)).as(where + ", side of " + probe).isEqualTo(reference.side(probe));
                BookState state = reference.state();
                assertThat(BookState.of(real)).as(where + ", whole book").isEqualTo(state);
                assertThat(real.orderCount()).as(where + ", order count")
                        .isEqualTo(state.bids().size() + state.asks().size());
            }
        }
        // the generator keeps a book of a few hundred orders: make sure it still does
        assertThat(commands.maxResting()).as("seed %d: largest book", seed).isGreaterThan(100);
    }

    /** Random commands around a drifting mid price, with a share of invalid ones. */
    private static final class CommandSource {
        private final SplittableRandom random;
        private final ReferenceBook reference;
        private long nextId = 1;
        private long mid = 10_000;
        private long probeId;
        private int maxResting;

        CommandSource(SplittableRandom random, ReferenceBook reference) {
            this.random = random;
            this.reference = reference;
        }

        long probeId() {
            return probeId;
        }

        int maxResting() {
            return maxResting;
        }

        /** Applies one command to both books; returns its description. */
        String next(OrderBook real, ReferenceBook ref) {
            maxResting = Math.max(maxResting, reference.restingCount());
            if (random.nextInt(50) == 0) {
                mid = Math.max(200, mid + 5L * (random.nextInt(21) - 10));
            }
            int kind = random.nextInt(100);
            String command;
            if (kind < 60) {
                long id = pickSubmitId();
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                OrderType type = random.nextInt(10) == 0 ? OrderType.MARKET : OrderType.LIMIT;
                TimeInForce tif = TimeInForce.values()[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2)];
                boolean postOnly = random.nextInt(8) == 0;
                long price = price(side);
                long quantity = quantity();
                command = "submit(" + id + ", " + side + ", " + type + ", " + tif + ", " + postOnly + ", " + price
                        + ", " + quantity + ")";
                real.submit(id, side, type, tif, postOnly, price, quantity);
                ref.submit(id, side, type, tif, postOnly, price, quantity);
                probeId = id;
            } else if (kind < 75) {
                long id = pickExistingId();
                command = "cancel(" + id + ")";
                real.cancel(id);
                ref.cancel(id);
                probeId = id;
            } else {
                long id = pickExistingId();
                long oldPrice = reference.price(id);
                long oldQuantity = reference.openQuantity(id);
                long price;
                long quantity;
                int how = random.nextInt(6);
                if (how == 0 && oldPrice > 0) {
                    price = oldPrice;
                    quantity = oldQuantity - 10L * random.nextInt(3);
                } else if (how == 1 && oldPrice > 0) {
                    price = oldPrice;
                    quantity = oldQuantity + 10L * (1 + random.nextInt(3));
                } else {
                    Side side = reference.side(id);
                    price = random.nextInt(4) == 0 && oldPrice > 0 ? oldPrice : price(side == null ? Side.BUY : side);
                    quantity = random.nextInt(3) == 0 && oldQuantity > 0 ? oldQuantity : quantity();
                }
                command = "amend(" + id + ", " + price + ", " + quantity + ")";
                real.amend(id, price, quantity);
                ref.amend(id, price, quantity);
                probeId = id;
            }
            return command;
        }

        private long pickSubmitId() {
            int roll = random.nextInt(100);
            if (roll < 3 && reference.restingCount() > 0) {
                return anyResting();                                   // duplicate
            }
            if (roll < 6 && nextId > 1) {
                return 1 + random.nextLong(nextId - 1);               // reuse, if it left the book
            }
            if (roll < 8) {
                return random.nextLong();                              // any long is an id
            }
            return nextId++;
        }

        private long pickExistingId() {
            if (reference.restingCount() == 0 || random.nextInt(10) == 0) {
                return random.nextInt(3) == 0 ? random.nextLong() : 1 + random.nextLong(nextId);
            }
            return anyResting();
        }

        private long anyResting() {
            return reference.restingId(random.nextInt(reference.restingCount()));
        }

        private long price(Side side) {
            int roll = random.nextInt(100);
            if (roll < 2) {
                return -5L * random.nextInt(3);                        // zero or negative
            }
            if (roll < 5) {
                return mid + 1 + random.nextInt(4);                    // off the tick
            }
            // mostly passive (the book builds up), a fifth aggressive (trades through a few levels)
            long offset = roll < 25 ? 5L * random.nextInt(8) : -5L * (1 + random.nextInt(40));
            return Math.max(5, side == Side.BUY ? mid + offset : mid - offset);
        }

        private long quantity() {
            int roll = random.nextInt(100);
            if (roll < 2) {
                return -10L * random.nextInt(2);                       // zero or negative
            }
            if (roll < 4) {
                return 10L * (1 + random.nextInt(5)) + 1 + random.nextInt(9); // off the lot
            }
            if (roll < 5) {
                return OrderBook.MAX_QUANTITY + 10 - OrderBook.MAX_QUANTITY % 10;  // too large
            }
            return 10L * (1 + random.nextInt(random.nextInt(8) == 0 ? 50 : 8));
        }
    }
}
