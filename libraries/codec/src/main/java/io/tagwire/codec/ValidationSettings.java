package io.tagwire.codec;

/**
 * What a {@link Validator} checks, with QuickFIX's setting names and defaults. Fluent
 * setters; a validator copies the settings when it is built, so later changes do not affect
 * it.
 *
 * <pre>{@code
 * new ValidationSettings().allowUnknownMsgFields(true).validateUserDefinedFields(false)
 * }</pre>
 */
public final class ValidationSettings {
    private boolean validateFieldsOutOfOrder = true;
    private boolean validateFieldsHaveValues = true;
    private boolean validateUserDefinedFields = true;
    private boolean allowUnknownMsgFields;
    private boolean validateUnorderedGroupFields = true;

    /** ValidateFieldsOutOfOrder: a header field after a body field is rejected (reason 14). Default true. */
    public ValidationSettings validateFieldsOutOfOrder(boolean value) {
        validateFieldsOutOfOrder = value;
        return this;
    }

    public boolean validateFieldsOutOfOrder() {
        return validateFieldsOutOfOrder;
    }

    /** ValidateFieldsHaveValues: a field with an empty value is rejected (reason 4). Default true. */
    public ValidationSettings validateFieldsHaveValues(boolean value) {
        validateFieldsHaveValues = value;
        return this;
    }

    public boolean validateFieldsHaveValues() {
        return validateFieldsHaveValues;
    }

    /**
     * ValidateUserDefinedFields: a user-defined tag (5000 and above) not defined for the
     * message is rejected. Default true.
     */
    public ValidationSettings validateUserDefinedFields(boolean value) {
        validateUserDefinedFields = value;
        return this;
    }

    public boolean validateUserDefinedFields() {
        return validateUserDefinedFields;
    }

    /** AllowUnknownMsgFields: a tag below 5000 not defined for the message is let through. Default false. */
    public ValidationSettings allowUnknownMsgFields(boolean value) {
        allowUnknownMsgFields = value;
        return this;
    }

    public boolean allowUnknownMsgFields() {
        return allowUnknownMsgFields;
    }

    /**
     * ValidateUnorderedGroupFields: repeating group members out of dictionary order are
     * rejected (reason 15). Default true.
     */
    public ValidationSettings validateUnorderedGroupFields(boolean value) {
        validateUnorderedGroupFields = value;
        return this;
    }

    public boolean validateUnorderedGroupFields() {
        return validateUnorderedGroupFields;
    }

    /** This method allocates memory. */
    @Override
    public String toString() {
        return "ValidateFieldsOutOfOrder=" + yn(validateFieldsOutOfOrder)
            + " ValidateFieldsHaveValues=" + yn(validateFieldsHaveValues)
            + " ValidateUserDefinedFields=" + yn(validateUserDefinedFields)
            + " AllowUnknownMsgFields=" + yn(allowUnknownMsgFields)
            + " ValidateUnorderedGroupFields=" + yn(validateUnorderedGroupFields);
    }

    private static String yn(boolean value) {
        return value ? "Y" : "N";
    }
}
