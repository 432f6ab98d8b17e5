package io.tagwire.session;

/**
 * The settings of a whole engine rather than one session: Tagwire's keys that only the
 * {@code [DEFAULT]} section of a settings file may hold.
 *
 * <ul>
 *   <li>{@code BusySpin} (default N): Y makes the engine's event-loop thread spin on the
 *       selector instead of blocking in it, for the lowest latency at the cost of a core.</li>
 * </ul>
 */
public final class EngineSettings {
    /** Every key at its default. */
    public static final EngineSettings DEFAULTS = builder().build();

    private final boolean busySpin;

    private EngineSettings(boolean busySpin) {
        this.busySpin = busySpin;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** BusySpin (default N). */
    public boolean busySpin() {
        return busySpin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineSettings && busySpin == ((EngineSettings) other).busySpin;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(busySpin);
    }

    @Override
    public String toString() {
        return "EngineSettings{BusySpin=" + (busySpin ? "Y" : "N") + "}";
    }

    /** Builds {@link EngineSettings} with the checks a settings file gets. */
    public static final class Builder {
        private boolean busySpin = (Boolean) SettingsKey.BUSY_SPIN.defaultValue();

        private Builder() {
        }

        public Builder busySpin(boolean busySpin) {
            this.busySpin = busySpin;
            return this;
        }

        /**
         * Sets an engine key by its name, from text as a settings file holds it.
         *
         * @throws SettingsException for a key that is not an engine key, or a bad value
         */
        public Builder set(String key, String value) {
            SettingsKey settingsKey = SettingsKey.find(key);
            if (settingsKey == null) {
                throw SettingsKey.unknown(key);
            }
            if (settingsKey != SettingsKey.BUSY_SPIN) {
                throw new SettingsException(key, key + " is a session setting, not an engine setting");
            }
            busySpin = (Boolean) settingsKey.parse(key, value.trim());
            return this;
        }

        public EngineSettings build() {
            return new EngineSettings(busySpin);
        }
    }
}
