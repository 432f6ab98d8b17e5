package io.tagwire.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A QuickFIX-format XML data dictionary: FIX 4.0 to 4.4, FIXT.1.1, FIX 5.0 to 5.0SP2, or a
 * venue's own such as Binance's. Loading is cold and allocates; once loaded a dictionary is
 * immutable, safe to share between threads, and its lookups by tag or by
 * {@link MsgTypeKey} allocate nothing.
 *
 * <p>The bundled standard dictionaries come from {@link #standard(String)}, loaded once and
 * cached.
 */
public final class Dictionary {
    static final int CHECK_FORMAT = 0x0F;
    static final int CHECK_ENUMS = 0x10;
    static final int CHECK_MULTIPLE = 0x20;
    private static final String RESOURCE_DIRECTORY = "/io/tagwire/codec/dictionaries/";
    private static final List<String> STANDARD = List.of(
        "FIX40", "FIX41", "FIX42", "FIX43", "FIX44", "FIX50", "FIX50SP1", "FIX50SP2", "FIXT11");
    private static final Map<String, Dictionary> STANDARD_CACHE = new ConcurrentHashMap<>();

    private final String source;
    private final String beginString;
    private final String fullVersion;
    private final int maxTag;
    private final String[] fieldNames;
    private final FieldType[] fieldTypes;
    private final DictionaryEnums[] enums;
    /** Per tag: the format code in the low bits, {@link #CHECK_ENUMS}, {@link #CHECK_MULTIPLE}. */
    private final byte[] checks;
    private final boolean[] groupCountTags;
    private final Map<String, Integer> tagsByName;
    private final MessageDefinition header;
    private final MessageDefinition trailer;
    private final List<MessageDefinition> messages;
    private final DictionaryMessages messagesByKey;
    private final DataFields dataFields;

    Dictionary(DictionaryLoader loaded) {
        source = loaded.source;
        beginString = loaded.beginString;
        fullVersion = loaded.fullVersion;
        maxTag = loaded.maxTag;
        fieldNames = loaded.fieldNames;
        fieldTypes = loaded.fieldTypes;
        enums = loaded.enums;
        groupCountTags = loaded.groupCountTags;
        tagsByName = Map.copyOf(loaded.tagsByName);
        header = loaded.header;
        trailer = loaded.trailer;
        messages = List.copyOf(loaded.messages);
        messagesByKey = new DictionaryMessages(messages);
        dataFields = loaded.dataFields;
        // before FIX 4.2 a CHAR may hold more than one character, so QuickFIX/J checks it as a string
        boolean charIsString = beginString.compareTo("FIX.4.1") <= 0;
        checks = new byte[maxTag + 1];
        for (int tag = 0; tag <= maxTag; tag++) {
            FieldType type = fieldTypes[tag];
            int check = type == null || (type == FieldType.CHAR && charIsString) ? FieldType.FORMAT_NONE : type.format();
            if (enums[tag] != null) {
                check |= CHECK_ENUMS | (type.isMultipleValue() ? CHECK_MULTIPLE : 0);
            }
            checks[tag] = (byte) check;
        }
        for (MessageDefinition message : messages) {
            message.fieldCodes(ValidatorFastPath.fieldCodes(this, message));
        }
    }

    /** Loads any QuickFIX XML dictionary file. This method allocates memory. */
    public static Dictionary load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("dictionary " + file + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("dictionary " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads a QuickFIX XML dictionary; {@code name} says where it came from in error messages. */
    public static Dictionary load(InputStream in, String name) {
        return DictionaryLoader.load(in, name);
    }

    /**
     * A bundled standard dictionary by BeginString(8), e.g. "FIX.4.4", "FIXT.1.1",
     * "FIX.5.0SP2", or by file stem, e.g. "FIX44". Loaded once, then cached.
     */
    public static Dictionary standard(String name) {
        String stem = name.toUpperCase(Locale.ROOT).replace(".XML", "").replace(".", "");
        if (!STANDARD.contains(stem)) {
            throw new IllegalArgumentException("no standard dictionary '" + name + "'; there are FIX.4.0 to FIX.4.4,"
                + " FIX.5.0, FIX.5.0SP1, FIX.5.0SP2 and FIXT.1.1 (or their file stems, e.g. FIX44)");
        }
        return STANDARD_CACHE.computeIfAbsent(stem, Dictionary::loadResource);
    }

    private static Dictionary loadResource(String stem) {
        String resource = RESOURCE_DIRECTORY + stem + ".xml";
        try (InputStream in = Dictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled dictionary " + resource + " is not on the classpath");
            }
            return load(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("dictionary " + resource + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Where the dictionary was loaded from. */
    public String name() {
        return source;
    }

    /**
     * The version as QuickFIX/J names it from {@code <fix type major minor>}: "FIX.4.4",
     * "FIXT.1.1"; "FIX.5.0" for all FIX 5.0 application dictionaries.
     */
    public String beginString() {
        return beginString;
    }

    /** {@link #beginString()} with the service pack when the file gives one, e.g. "FIX.5.0SP2". */
    public String fullVersion() {
        return fullVersion;
    }

    /** The highest tag number defined. */
    public int maxTag() {
        return maxTag;
    }

    // ---- fields ----------------------------------------------------------------------------

    public boolean isFieldDefined(int tag) {
        return tag > 0 && tag <= maxTag && fieldNames[tag] != null;
    }

    /** The field's name, e.g. "ClOrdID" for 11, or null if undefined. */
    public String fieldName(int tag) {
        return isFieldDefined(tag) ? fieldNames[tag] : null;
    }

    /** The tag of the field named {@code name}, or -1. */
    public int fieldTag(String name) {
        Integer tag = tagsByName.get(name);
        return tag == null ? -1 : tag;
    }

    /** The field's type; {@link FieldType#UNKNOWN} if the field is undefined or of a type not known here. */
    public FieldType fieldType(int tag) {
        return isFieldDefined(tag) ? fieldTypes[tag] : FieldType.UNKNOWN;
    }

    public boolean hasEnums(int tag) {
        return tag > 0 && tag <= maxTag && enums[tag] != null;
    }

    /** Whether {@code value} is one of the field's enum values; true for a field without enums. */
    public boolean isEnumValue(int tag, CharSequence value) {
        if (!hasEnums(tag)) {
            return true;
        }
        DictionaryEnums values = enums[tag];
        return values.allowOtherValues() || values.indexOf(value) >= 0;
    }

    /** The description of an enum value, e.g. "BUY" for Side(54)=1, or null if none. */
    public String enumDescription(int tag, CharSequence value) {
        if (!hasEnums(tag)) {
            return null;
        }
        int index = enums[tag].indexOf(value);
        return index < 0 ? null : enums[tag].description(index);
    }

    /** Number of enum values of the field; with {@link #enumValue} lists them. */
    public int enumCount(int tag) {
        return hasEnums(tag) ? enums[tag].size() : 0;
    }

    /** The {@code i}-th enum value of the field. This method allocates memory. */
    public String enumValue(int tag, int i) {
        return enums[tag].value(i);
    }

    /** LENGTH/DATA pairs such as RawDataLength(95)/RawData(96), for {@link FixMessage#dataFields}. */
    public DataFields dataFields() {
        return dataFields;
    }

    // ---- messages ----------------------------------------------------------------------

    /** The message name, e.g. "NewOrderSingle" for {@code MsgTypeKey.of("D")}, or null. */
    public String messageName(long msgTypeKey) {
        MessageDefinition message = messagesByKey.get(msgTypeKey);
        return message == null ? null : message.name();
    }

    public boolean isMessageDefined(long msgTypeKey) {
        return messagesByKey.get(msgTypeKey) != null;
    }

    /** Whether the message is of category {@code msgcat='admin'}. */
    public boolean isAdminMessage(long msgTypeKey) {
        MessageDefinition message = messagesByKey.get(msgTypeKey);
        return message != null && message.isAdmin();
    }

    /** The definition of a message, or null. */
    public MessageDefinition message(long msgTypeKey) {
        return messagesByKey.get(msgTypeKey);
    }

    /** All messages in dictionary order. */
    public List<MessageDefinition> messages() {
        return Collections.unmodifiableList(messages);
    }

    public MessageDefinition header() {
        return header;
    }

    public MessageDefinition trailer() {
        return trailer;
    }

    public boolean isHeaderField(int tag) {
        return header.isField(tag);
    }

    public boolean isTrailerField(int tag) {
        return trailer.isField(tag);
    }

    /** A repeating group at message level of the message, else of the header; null if none. */
    public GroupDefinition group(long msgTypeKey, int countTag) {
        MessageDefinition message = messagesByKey.get(msgTypeKey);
        GroupDefinition group = message == null ? null : message.group(countTag);
        return group != null ? group : header.group(countTag);
    }

    /** Whether {@code tag} counts a repeating group anywhere in this dictionary. */
    boolean isGroupCountTag(int tag) {
        return tag > 0 && tag <= maxTag && groupCountTags[tag];
    }

    /** What to check of a value of {@code tag}: see {@link #CHECK_FORMAT}; 0 if undefined. */
    int checks(int tag) {
        return tag > 0 && tag <= maxTag ? checks[tag] : 0;
    }

    /** The field's enum values, or null. */
    DictionaryEnums enums(int tag) {
        return tag > 0 && tag <= maxTag ? enums[tag] : null;
    }

    /** Like {@code FIX.4.4 (/io/tagwire/codec/dictionaries/FIX44.xml)}. */
    @Override
    public String toString() {
        return fullVersion + " (" + source + ")";
    }
}
