package io.tagwire.codec;

import static io.tagwire.codec.WireText.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lookups by tag go through a table that is never cleared; these check it never answers from an older message. */
class FixMessageLookupTest {
    private final FixMessage message = new FixMessage(DataFields.STANDARD, 8);

    @Test
    void aTagOfThePreviousMessageIsNotFoundInTheNextOne() {
        byte[] order = frame("8=FIX.4.4|35=D|11=A|44=1.5|55=X|");
        byte[] heartbeat = frame("8=FIX.4.4|35=0|112=T|");
        message.parse(order, 0, order.length);
        assertThat(message.indexOf(44)).isEqualTo(4);

        message.parse(heartbeat, 0, heartbeat.length);

        assertThat(message.indexOf(44)).isEqualTo(-1);
        assertThat(message.indexOf(11)).isEqualTo(-1);
        assertThat(message.getString(112)).isEqualTo("T");
    }

    @Test
    void aTagAtTheSameIndexAsBeforeIsFoundAndTheFirstOccurrenceWins() {
        byte[] first = frame("8=FIX.4.4|35=D|55=X|55=Y|");
        byte[] second = frame("8=FIX.4.4|35=D|448=A|55=Z|55=W|448=B|");
        message.parse(first, 0, first.length);
        assertThat(message.getString(55)).isEqualTo("X");

        message.parse(second, 0, second.length);

        assertThat(message.getString(55)).isEqualTo("Z");
        assertThat(message.getString(448)).isEqualTo("A");
        assertThat(message.indexOf(448, 4)).isEqualTo(6);
    }

    @Test
    void largeZeroAndNegativeTagsAreFoundByScanning() {
        byte[] bytes = frame("8=FIX.4.4|35=D|0=zero|-5=minus|25035=2|1024=big|1023=edge|");
        message.parse(bytes, 0, bytes.length);

        assertThat(message.getString(0)).isEqualTo("zero");
        assertThat(message.getString(-5)).isEqualTo("minus");
        assertThat(message.getInt(25035, -1)).isEqualTo(2);
        assertThat(message.getString(1024)).isEqualTo("big");
        assertThat(message.getString(1023)).isEqualTo("edge");
        assertThat(message.indexOf(FixMessage.INVALID_TAG)).isEqualTo(-1);
    }

    @Test
    void lookupsMatchAScanOfTheFieldsOverManyRandomMessagesParsedIntoOneInstance() {
        Random random = new Random(20261126L);
        int[] tagPool = {8, 9, 35, 34, 49, 52, 56, 11, 38, 40, 44, 54, 55, 448, 447, 1023, 1024, 5000, 0};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder("8=FIX.4.4|35=D|");
            int fields = random.nextInt(40);
            for (int i = 0; i < fields; i++) {
                text.append(tagPool[random.nextInt(tagPool.length)]).append('=').append(i).append('|');
            }
            byte[] bytes = frame(text.toString());
            assertThat(message.parse(bytes, 0, bytes.length)).isEqualTo(FixMessage.PARSE_OK);

            for (int tag : tagPool) {
                assertThat(message.indexOf(tag)).as("round %d, tag %d", round, tag).isEqualTo(scan(tag));
            }
        }
    }

    private int scan(int tag) {
        for (int i = 0; i < message.fieldCount(); i++) {
            if (message.tagAt(i) == tag) {
                return i;
            }
        }
        return -1;
    }
}
