package io.tagwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {
    private static String json(CharSequence text) {
        return Json.appendString(new StringBuilder(), text).toString();
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(json("8=FIX.4.4\u00019=5")).isEqualTo("\"8=FIX.4.4\\u00019=5\"");
        assertThat(json("say \"hi\" \\ now")).isEqualTo("\"say \\\"hi\\\" \\\\ now\"");
        assertThat(json("a\nb\rc\td\u001f\u007f")).isEqualTo("\"a\\nb\\rc\\td\\u001f\\u007f\"");
        assertThat(json("é€")).isEqualTo("\"\\u00e9\\u20ac\"");
        assertThat(json(null)).isEqualTo("null");
    }

    @Test
    void roundTripsThroughAParser() {
        String text = "\u0000\u0001 \"quoted\" \\back\\ / é\u20ac\n";

        assertThat(MiniJson.parse(json(text))).isEqualTo(text);
    }
}
