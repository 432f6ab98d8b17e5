package io.tagwire.codec;

import static io.tagwire.codec.WireText.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixGroupTest {
    private final Dictionary fix44 = Dictionary.standard("FIX.4.4");
    private final FixMessage message = new FixMessage(fix44.dataFields(), 64);

    private void parse(String piped) {
        byte[] bytes = frame(piped);
        assertThat(message.parse(bytes, 0, bytes.length)).isEqualTo(FixMessage.PARSE_OK);
    }

    private String value(int index) {
        return index < 0 ? null : message.stringAt(index);
    }

    @Test
    void readsPartiesWithNestedSubIdsOfANewOrderSingle() {
        parse("8=FIX.4.4|35=D|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|11=ID1|"
            + "453=2|448=BROKER1|447=D|452=1|802=2|523=desk-7|803=9|523=ops|803=10|448=TRADER9|447=D|452=11|"
            + "21=1|38=100|40=2|44=10.5|54=1|55=IBM|60=20261126-07:00:00.000|");
        GroupDefinition definition = fix44.group(MsgTypeKey.of("D"), 453);

        FixGroup parties = FixGroup.wrap(message, message.indexOf(453), definition);

        assertThat(parties.entryCount()).isEqualTo(2);
        assertThat(parties.entriesFound()).isEqualTo(2);
        assertThat(value(parties.indexOf(0, 448))).isEqualTo("BROKER1");
        assertThat(value(parties.indexOf(1, 448))).isEqualTo("TRADER9");
        assertThat(value(parties.indexOf(1, 452))).isEqualTo("11");
        assertThat(parties.indexOf(1, 802)).isEqualTo(-1);
        assertThat(message.tagAt(parties.entryStart(1))).isEqualTo(448);
        assertThat(parties.entryEnd(0)).isEqualTo(parties.entryStart(1));
        assertThat(message.tagAt(parties.end())).as("first field after the group").isEqualTo(21);
        assertThat(parties.indexOf(0, 523)).as("a nested member is not the entry's own").isEqualTo(-1);

        FixGroup subIds = new FixGroup();
        assertThat(parties.group(0, 802, subIds)).isSameAs(subIds);
        assertThat(subIds.entryCount()).isEqualTo(2);
        assertThat(value(subIds.indexOf(0, 523))).isEqualTo("desk-7");
        assertThat(value(subIds.indexOf(1, 803))).isEqualTo("10");
        assertThat(parties.group(1, 802, subIds)).as("the second party has no sub IDs").isNull();
    }

    @Test
    void readsTheEntriesOfAMarketDataSnapshot() {
        parse("8=FIX.4.4|35=W|34=2|49=ISLD|52=20261126-07:00:00.000|56=TW|55=BTCUSDT|"
            + "268=3|269=0|270=50000.1|271=2|269=1|270=50000.2|271=1.5|269=2|270=50000.15|271=0.1|");
        FixGroup entries = FixGroup.wrap(message, message.indexOf(268), fix44.group(MsgTypeKey.of("W"), 268));

        assertThat(entries.entryCount()).isEqualTo(3);
        assertThat(entries.entriesFound()).isEqualTo(3);
        StringBuilder book = new StringBuilder();
        for (int e = 0; e < entries.entriesFound(); e++) {
            book.append(value(entries.indexOf(e, 269))).append('@').append(value(entries.indexOf(e, 270)))
                .append('x').append(value(entries.indexOf(e, 271))).append(' ');
        }
        assertThat(book.toString()).isEqualTo("0@50000.1x2 1@50000.2x1.5 2@50000.15x0.1 ");
        assertThat(message.tagAt(entries.end())).isEqualTo(10);
    }

    @Test
    void reportsTheDeclaredCountAndTheEntriesFoundSeparately() {
        parse("8=FIX.4.4|35=D|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|11=ID|386=3|336=PRE-OPEN|336=AFTER-HOURS|"
            + "60=20261126-07:00:00.000|");
        FixGroup sessions = FixGroup.wrap(message, message.indexOf(386), fix44.group(MsgTypeKey.of("D"), 386));

        assertThat(sessions.entryCount()).isEqualTo(3);
        assertThat(sessions.entriesFound()).isEqualTo(2);
        assertThatThrownBy(() -> sessions.entryStart(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void findsNoEntryWhenTheDelimiterIsMissing() {
        parse("8=FIX.4.4|35=D|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|11=ID|453=1|447=D|448=X|");
        FixGroup parties = FixGroup.wrap(message, message.indexOf(453), fix44.group(MsgTypeKey.of("D"), 453));

        assertThat(parties.entriesFound()).isZero();
        assertThat(parties.end()).isEqualTo(message.indexOf(453) + 1);
    }

    @Test
    void refusesToWrapAFieldThatIsNotTheGroupsCountField() {
        parse("8=FIX.4.4|35=D|34=2|49=TW|52=20261126-07:00:00.000|56=ISLD|11=ID|");

        assertThatThrownBy(() -> FixGroup.wrap(message, message.indexOf(11), fix44.group(MsgTypeKey.of("D"), 453)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NoPartyIDs(453)");
    }

    @Test
    void rewrapsWithoutAllocating() {
        parse("8=FIX.4.4|35=W|34=2|49=ISLD|52=20261126-07:00:00.000|56=TW|55=BTCUSDT|"
            + "268=2|269=0|270=50000.1|271=2|269=1|270=50000.2|271=1.5|");
        GroupDefinition definition = fix44.group(MsgTypeKey.of("W"), 268);
        FixGroup view = new FixGroup();
        int countIndex = message.indexOf(268);
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += view.rewrap(message, countIndex, definition).indexOf(1, 271);
        }
        com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 10_000; i++) {
            sum += view.rewrap(message, countIndex, definition).indexOf(1, 271);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

        assertThat(sum).isPositive();
        assertThat(allocated).isLessThan(1024);
    }
}
