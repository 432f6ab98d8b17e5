package io.tagwire.conformance;

import io.tagwire.codec.TimestampPrecision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link AcceptorUnderTest} is started with for one suite: one ISLD/TW session per
 * version, everything as in FORMAT.md §8, plus the variant's setting (§9).
 *
 * @param variant the server suite or one of the variants
 * @param versions the versions whose sessions the acceptor must offer
 */
public record SuiteSettings(Variant variant, List<FixVersion> versions) {

    public SuiteSettings {
        if (variant == null || versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("a suite needs a variant and at least one version");
        }
        versions = List.copyOf(versions);
    }

    /** Settings on top of FORMAT.md §8's defaults, QuickFIX key to value (for example ResendRequestChunkSize=5). */
    public Map<String, String> settings() {
        return variant.settings();
    }

    /**
     * The precision of {@code <TIME>} in initiate lines if the suite fixes one (FORMAT.md
     * §4.1): a variant's TimeStampPrecision, else milliseconds; empty for the server suite,
     * where it follows the BeginString.
     */
    public Optional<TimestampPrecision> timestampPrecision() {
        if (variant == Variant.SERVER) {
            return Optional.empty();
        }
        String precision = variant.settings().get("TimeStampPrecision");
        return Optional.of(precision == null ? TimestampPrecision.MILLIS : TimestampPrecision.fromSetting(precision));
    }

    /** {@code fix44} for the server suite, {@code resendRequestChunkSize/fix44} for a variant. */
    public String name() {
        StringBuilder name = new StringBuilder();
        if (variant != Variant.SERVER) {
            name.append(variant.directoryName()).append('/');
        }
        for (int i = 0; i < versions.size(); i++) {
            name.append(i == 0 ? "" : "+").append(versions.get(i).directoryName());
        }
        return name.toString();
    }
}
