package io.tagwire.codec;

/**
 * The type of a field as a QuickFIX XML dictionary names it in {@code <field type='...'>}.
 * Types this enum does not know load as {@link #UNKNOWN} and are not format-checked.
 */
public enum FieldType {
    INT(FieldType.FORMAT_INT),
    LENGTH(FieldType.FORMAT_INT),
    SEQNUM(FieldType.FORMAT_INT),
    NUMINGROUP(FieldType.FORMAT_INT),
    TAGNUM(FieldType.FORMAT_NONE),
    DAYOFMONTH(FieldType.FORMAT_NONE),
    FLOAT(FieldType.FORMAT_DECIMAL),
    QTY(FieldType.FORMAT_DECIMAL),
    PRICE(FieldType.FORMAT_DECIMAL),
    PRICEOFFSET(FieldType.FORMAT_DECIMAL),
    AMT(FieldType.FORMAT_DECIMAL),
    PERCENTAGE(FieldType.FORMAT_DECIMAL),
    CHAR(FieldType.FORMAT_CHAR),
    BOOLEAN(FieldType.FORMAT_BOOLEAN),
    STRING(FieldType.FORMAT_NONE),
    MULTIPLEVALUESTRING(FieldType.FORMAT_NONE),
    MULTIPLECHARVALUE(FieldType.FORMAT_MULTIPLE_CHAR),
    MULTIPLESTRINGVALUE(FieldType.FORMAT_NONE),
    CURRENCY(FieldType.FORMAT_NONE),
    EXCHANGE(FieldType.FORMAT_NONE),
    COUNTRY(FieldType.FORMAT_NONE),
    LANGUAGE(FieldType.FORMAT_NONE),
    UTCTIMESTAMP(FieldType.FORMAT_UTC_TIMESTAMP),
    UTCTIMEONLY(FieldType.FORMAT_UTC_TIME_ONLY),
    UTCDATEONLY(FieldType.FORMAT_DATE),
    UTCDATE(FieldType.FORMAT_DATE),
    LOCALMKTDATE(FieldType.FORMAT_NONE),
    LOCALMKTTIME(FieldType.FORMAT_NONE),
    TZTIMEONLY(FieldType.FORMAT_NONE),
    TZTIMESTAMP(FieldType.FORMAT_NONE),
    MONTHYEAR(FieldType.FORMAT_NONE),
    DATA(FieldType.FORMAT_NONE),
    XMLDATA(FieldType.FORMAT_NONE),
    /** FIX 4.0/4.1 name of a UTCTimestamp. */
    TIME(FieldType.FORMAT_UTC_TIMESTAMP),
    DATE(FieldType.FORMAT_NONE),
    XID(FieldType.FORMAT_NONE),
    XIDREF(FieldType.FORMAT_NONE),
    UNKNOWN(FieldType.FORMAT_NONE);

    // What the validator checks a value of the type against. The choice follows QuickFIX/J's
    // DataDictionary, which leaves CURRENCY, MONTHYEAR, LOCALMKTDATE and the like unchecked.
    static final int FORMAT_NONE = 0;
    static final int FORMAT_INT = 1;
    static final int FORMAT_DECIMAL = 2;
    static final int FORMAT_CHAR = 3;
    static final int FORMAT_BOOLEAN = 4;
    static final int FORMAT_MULTIPLE_CHAR = 5;
    static final int FORMAT_UTC_TIMESTAMP = 6;
    static final int FORMAT_UTC_TIME_ONLY = 7;
    static final int FORMAT_DATE = 8;

    private static final FieldType[] VALUES = values();

    private final int format;

    FieldType(int format) {
        this.format = format;
    }

    int format() {
        return format;
    }

    /** True for the types whose values are space-separated lists of enum values. */
    public boolean isMultipleValue() {
        return this == MULTIPLEVALUESTRING || this == MULTIPLESTRINGVALUE || this == MULTIPLECHARVALUE;
    }

    /** The type named {@code name} in a dictionary (case-sensitive, as QuickFIX/J reads it), or {@link #UNKNOWN}. */
    public static FieldType of(String name) {
        for (FieldType type : VALUES) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
