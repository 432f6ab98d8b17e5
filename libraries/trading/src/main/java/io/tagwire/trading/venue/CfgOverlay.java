package io.tagwire.trading.venue;

import io.tagwire.session.SettingsBuilder;
import io.tagwire.session.SettingsException;
import io.tagwire.session.SettingsFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lays a user's QuickFIX {@code .cfg} file over a profile's settings: the {@code [DEFAULT]}
 * keys, then those of at most one {@code [SESSION]}, each through
 * {@link SettingsBuilder#set(String, String)} so keys and values get the usual checks.
 * {@code ${name}} is a system property or environment variable, as in a settings file.
 */
final class CfgOverlay {
    private CfgOverlay() {
    }

    static void apply(Path file, SettingsBuilder settings) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            int sessions = 0;
            boolean inSection = false;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                String line = text.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.equalsIgnoreCase("[DEFAULT]") || line.equalsIgnoreCase("[SESSION]")) {
                    inSection = true;
                    if (line.equalsIgnoreCase("[SESSION]") && ++sessions > 1) {
                        throw error(file, number, "more than one [SESSION]: the overlay configures one session");
                    }
                    continue;
                }
                int equals = line.indexOf('=');
                if (!inSection || equals <= 0) {
                    throw error(file, number, inSection ? "expected key=value" : "key outside [DEFAULT] or [SESSION]");
                }
                String key = line.substring(0, equals).trim();
                try {
                    settings.set(key, substitute(key, line.substring(equals + 1).trim()));
                } catch (SettingsException e) {
                    throw error(file, number, e.problem());
                } catch (UndefinedVariable e) {
                    throw error(file, number, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read settings file " + file + ": " + e, e);
        }
    }

    private static String substitute(String key, String value) {
        int start = value.indexOf("${");
        if (start < 0) {
            return value;
        }
        StringBuilder result = new StringBuilder();
        int from = 0;
        for (; start >= 0; start = value.indexOf("${", from)) {
            int end = value.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String name = value.substring(start + 2, end);
            String replacement = SettingsFile.systemVariable(name);
            if (replacement == null) {
                throw new UndefinedVariable("undefined variable ${" + name + "} in " + key
                    + " (set the system property or environment variable " + name + ")");
            }
            result.append(value, from, start).append(replacement);
            from = end + 1;
        }
        return result.append(value, from, value.length()).toString();
    }

    private static final class UndefinedVariable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndefinedVariable(String message) {
            super(message);
        }
    }

    private static IllegalArgumentException error(Path file, int line, String problem) {
        return new IllegalArgumentException(file + ":" + line + ": " + problem);
    }
}
