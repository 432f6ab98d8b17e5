package io.tagwire.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.tagwire.codec.Ascii;
import io.tagwire.codec.DataFields;
import io.tagwire.codec.FixMessage;
import io.tagwire.codec.MsgTypeKey;

/**
 * Turns what {@link MessageScanner} finds into {@link DecodedMessage}s for a printer, and
 * counts the messages that are flagged. This is the cold path of a command line tool: it
 * allocates per message.
 */
final class MessageDecoder implements MessageScanner.Listener {
    static final String MASK = "****";

    private static final int TAG_CHECKSUM = 10;
    // Password(554), NewPassword(925) and RawData(96), which venues use for logon signatures
    private static final int[] SECRET_TAGS = {554, 925, 96};

    private final FixMessage message = new FixMessage();
    private final Dictionaries dictionaries;
    private final MessagePrinter printer;
    private final boolean showSecrets;
    private String source = "stdin";
    private int messages;
    private int flagged;

    MessageDecoder(Dictionaries dictionaries, MessagePrinter printer, boolean showSecrets) {
        this.dictionaries = dictionaries;
        this.printer = printer;
        this.showSecrets = showSecrets;
    }

    /** Names the input that follows, for {@code file:line} in reports. */
    void source(String name) {
        source = name;
        dictionaries.reset();
    }

    /** Messages and garbled pieces reported so far. */
    int messages() {
        return messages;
    }

    /** Of {@link #messages()}, those with a problem. */
    int flagged() {
        return flagged;
    }

    @Override
    public void onFrame(byte[] buffer, int offset, int length, boolean checksumValid, int line) {
        Vocabulary vocabulary = parse(buffer, offset, length);
        String problem = checksumValid ? null : checksumProblem();
        decoded(vocabulary, checksumValid, join(problem, parseProblem(vocabulary)), line);
    }

    @Override
    public void onUnframed(byte[] buffer, int offset, int length, int line) {
        Vocabulary vocabulary = parse(buffer, offset, length);
        decoded(vocabulary, false, join("no CheckSum", parseProblem(vocabulary)), line);
    }

    @Override
    public void onGarbled(byte[] buffer, int offset, int length, String reason, int line) {
        messages++;
        flagged++;
        printer.garbled(reason, source + ":" + line, new String(buffer, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** Parses with the standard data fields, then again with the dictionary's once it is known. */
    private Vocabulary parse(byte[] buffer, int offset, int length) {
        message.dataFields(DataFields.STANDARD);
        message.parse(buffer, offset, length);
        Vocabulary vocabulary = dictionaries.forMessage(message);
        DataFields dataFields = vocabulary.dataFields();
        if (dataFields != DataFields.STANDARD) {
            message.dataFields(dataFields);
            message.parse(buffer, offset, length);
        }
        return vocabulary;
    }

    private void decoded(Vocabulary vocabulary, boolean checksumValid, String problem, int line) {
        messages++;
        if (problem != null) {
            flagged++;
        }
        List<DecodedMessage.Field> fields = new ArrayList<>(message.fieldCount());
        for (int i = 0; i < message.fieldCount(); i++) {
            int tag = message.tagAt(i);
            String value = message.stringAt(i);
            String meaning = null;
            if (!showSecrets && isSecret(tag)) {
                value = MASK;
            } else if (tag != FixMessage.INVALID_TAG) {
                meaning = vocabulary.enumDescription(tag, value);
            }
            fields.add(new DecodedMessage.Field(tag, tag == FixMessage.INVALID_TAG ? null : vocabulary.fieldName(tag),
                value, meaning));
        }
        CharSequence msgType = message.msgType();
        long key = message.msgTypeKey();
        printer.message(new DecodedMessage(msgType == null ? null : msgType.toString(),
            key == MsgTypeKey.NONE ? null : vocabulary.messageName(key), checksumValid, problem, source + ":" + line,
            fields));
    }

    private String checksumProblem() {
        int index = -1;
        for (int i = message.fieldCount() - 1; i >= 0 && index < 0; i--) {
            index = message.tagAt(i) == TAG_CHECKSUM ? i : -1;
        }
        if (index < 0) {
            return "no CheckSum";
        }
        // CheckSum(10) covers every byte before "10="
        int checksumStart = message.valueOffset(index) - 3;
        int expected = Ascii.checksum(message.buffer(), message.offset(), checksumStart - message.offset());
        return "CheckSum 10=" + message.stringAt(index) + " is wrong: expected " + String.format("%03d", expected);
    }

    private String parseProblem(Vocabulary vocabulary) {
        int index = message.parseErrorIndex();
        switch (message.parseError()) {
            case FixMessage.PARSE_INVALID_TAG:
                return "field " + (index + 1) + " is not tag=value with a positive number as tag";
            case FixMessage.PARSE_MISSING_DELIMITER:
                return "the last field does not end with SOH";
            case FixMessage.PARSE_BAD_DATA_LENGTH: {
                int tag = message.tagAt(index);
                String name = vocabulary.fieldName(tag);
                return (name == null ? "data field " : name) + "(" + tag + ") does not have the length announced"
                    + " before it";
            }
            default:
                return null;
        }
    }

    private static boolean isSecret(int tag) {
        for (int secret : SECRET_TAGS) {
            if (secret == tag) {
                return true;
            }
        }
        return false;
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }
}
