package io.tagwire.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OrderMapTest {
    @Test
    void agreesWithHashMapUnderRandomPutsAndRemovesOnFewKeys() {
        long seed = 42;
        SplittableRandom random = new SplittableRandom(seed);
        OrderMap map = new OrderMap(0);
        Map<Long, Order> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            // a small key range forces long probe chains, wrap-around and backward shifts
            long key = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(300) - 150;
            if (random.nextBoolean()) {
                if (!expected.containsKey(key)) {
                    Order order = new Order();
                    order.id = key;
                    map.put(key, order);
                    expected.put(key, order);
                }
            } else {
                map.remove(key);
                expected.remove(key);
            }
            long probe = random.nextInt(300) - 150;
            assertThat(map.get(probe)).as("seed %d step %d key %d", seed, i, probe).isSameAs(expected.get(probe));
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((key, order) -> assertThat(map.get(key)).as("key %d", key).isSameAs(order));
    }

    @Test
    void removingAnAbsentKeyChangesNothing() {
        OrderMap map = new OrderMap(4);
        Order order = new Order();
        map.put(7, order);

        map.remove(8);

        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get(7)).isSameAs(order);
        assertThat(map.get(8)).isNull();
    }
}
