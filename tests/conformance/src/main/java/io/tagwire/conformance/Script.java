package io.tagwire.conformance;

import java.util.List;

/**
 * A parsed {@code .def} file: its name (for reports) and its steps in file order.
 * Ignored lines (FORMAT.md §2 rule 7) are not steps.
 */
public record Script(String name, List<Step> steps) {

    public Script {
        steps = List.copyOf(steps);
    }
}
