package io.tagwire.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a QuickFIX-format XML data dictionary into the tables of a {@link Dictionary}:
 * fields by tag, messages with their components expanded, repeating groups nested. Cold
 * code: it allocates freely and fails with an {@link IllegalArgumentException} that names
 * the file and what is wrong in it.
 */
final class DictionaryLoader {
    /** Tables indexed by tag are flat arrays; this bounds their size. */
    static final int MAX_TAG = 1_000_000;

    final String source;
    String beginString;
    String fullVersion;
    int maxTag;
    String[] fieldNames;
    FieldType[] fieldTypes;
    DictionaryEnums[] enums;
    boolean[] groupCountTags;
    final Map<String, Integer> tagsByName = new HashMap<>();
    MessageDefinition header;
    MessageDefinition trailer;
    final List<MessageDefinition> messages = new ArrayList<>();
    DataFields dataFields;

    private final Map<String, Element> components = new HashMap<>();
    private final Deque<String> componentStack = new ArrayDeque<>();

    private DictionaryLoader(String source) {
        this.source = source;
    }

    static Dictionary load(InputStream in, String source) {
        DictionaryLoader loader = new DictionaryLoader(source);
        loader.read(parse(in, source));
        return new Dictionary(loader);
    }

    private static Element parse(InputStream in, String source) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not make a dictionary unusable
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(in).getDocumentElement();
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("dictionary " + source + ": not well-formed XML at line "
                + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalArgumentException("dictionary " + source + ": cannot parse XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("dictionary " + source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("dictionary " + source + ": " + what);
    }

    private void read(Element root) {
        if (!root.getTagName().equals("fix")) {
            throw error("the root element is <" + root.getTagName() + ">, expected <fix>");
        }
        String major = root.getAttribute("major");
        if (major.isEmpty()) {
            throw error("<fix> has no major attribute");
        }
        String type = root.hasAttribute("type") ? root.getAttribute("type") : "FIX";
        beginString = type + "." + major + "." + number(root, "minor", 0);
        int servicePack = number(root, "servicepack", 0);
        fullVersion = servicePack > 0 ? beginString + "SP" + servicePack : beginString;

        Element components = child(root, "components");
        if (components != null) {
            for (Element component : children(components, "component")) {
                String name = component.getAttribute("name");
                if (name.isEmpty()) {
                    throw error("a <component> has no name");
                }
                this.components.put(name, component);
            }
        }
        readFields(root);
        // QuickFIX/J reads no header or trailer from FIX 5.0 application dictionaries: FIXT.1.1 has them
        boolean transport = beginString.startsWith("FIXT") || beginString.compareTo("FIX.5.0") < 0;
        header = transport ? section(root, "header") : empty("header");
        trailer = transport ? section(root, "trailer") : empty("trailer");
        readMessages(root);
        dataFields = new DataFields(dataFieldPairs());
    }

    private int number(Element element, String attribute, int missing) {
        String text = element.getAttribute(attribute).trim();
        if (text.isEmpty()) {
            return missing;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error("<" + element.getTagName() + "> attribute " + attribute + "='" + text + "' is not a number");
        }
    }

    private void readFields(Element root) {
        Element fields = child(root, "fields");
        if (fields == null) {
            throw error("no <fields> section");
        }
        List<Element> definitions = children(fields, "field");
        if (definitions.isEmpty()) {
            throw error("<fields> defines no field");
        }
        for (Element field : definitions) {
            String name = field.getAttribute("name");
            if (name.isEmpty()) {
                throw error("a <field> has no name");
            }
            int tag = number(field, "number", -1);
            if (tag <= 0 || tag > MAX_TAG) {
                throw error("field " + name + " has number " + field.getAttribute("number")
                    + "; a tag number must be in 1.." + MAX_TAG);
            }
            if (field.getAttribute("type").isEmpty()) {
                throw error("field " + name + " (" + tag + ") has no type");
            }
            if (tagsByName.put(name, tag) != null) {
                throw error("field name " + name + " is defined twice");
            }
            maxTag = Math.max(maxTag, tag);
        }
        fieldNames = new String[maxTag + 1];
        fieldTypes = new FieldType[maxTag + 1];
        enums = new DictionaryEnums[maxTag + 1];
        groupCountTags = new boolean[maxTag + 1];
        for (Element field : definitions) {
            // as in QuickFIX/J, a number defined twice keeps its last definition
            int tag = number(field, "number", -1);
            fieldNames[tag] = field.getAttribute("name");
            fieldTypes[tag] = FieldType.of(field.getAttribute("type"));
            List<String> values = new ArrayList<>();
            List<String> descriptions = new ArrayList<>();
            for (Element value : children(field, "value")) {
                if (!value.hasAttribute("enum")) {
                    throw error("a <value> of field " + fieldNames[tag] + " (" + tag + ") has no enum attribute");
                }
                values.add(value.getAttribute("enum"));
                descriptions.add(value.hasAttribute("description") ? value.getAttribute("description") : null);
            }
            enums[tag] = values.isEmpty() ? null
                : new DictionaryEnums(values, descriptions, Boolean.parseBoolean(field.getAttribute("allowOtherValues")));
        }
    }

    private MessageDefinition section(Element root, String name) {
        Element section = child(root, name);
        if (section == null) {
            throw error("no <" + name + "> section");
        }
        Container container = new Container();
        expand(section, container, true, name);
        return container.message(name, null, null);
    }

    private static MessageDefinition empty(String name) {
        return new Container().message(name, null, null);
    }

    private void readMessages(Element root) {
        Element section = child(root, "messages");
        if (section == null) {
            throw error("no <messages> section");
        }
        for (Element message : children(section, "message")) {
            String name = message.getAttribute("name");
            String msgType = message.getAttribute("msgtype");
            if (msgType.isEmpty()) {
                throw error("message " + name + " has no msgtype");
            }
            if (msgType.length() > 8) {
                throw error("message " + name + " has msgtype '" + msgType + "', longer than 8 characters");
            }
            Container container = new Container();
            expand(message, container, true, "message " + name + " (" + msgType + ")");
            String category = message.hasAttribute("msgcat") ? message.getAttribute("msgcat") : null;
            messages.add(container.message(name.isEmpty() ? msgType : name, msgType, category));
        }
        if (messages.isEmpty()) {
            throw error("<messages> defines no message");
        }
    }

    /** Adds the fields, groups and (expanded) components under {@code parent} to {@code into}. */
    private void expand(Element parent, Container into, boolean required, String where) {
        for (Element element : children(parent, null)) {
            String kind = element.getTagName();
            boolean marked = "Y".equalsIgnoreCase(element.getAttribute("required"));
            if (kind.equals("field")) {
                into.field(tag(element, where), marked && required);
            } else if (kind.equals("group")) {
                int countTag = tag(element, where);
                into.field(countTag, marked && required);
                GroupDefinition group = group(element, countTag, marked, where);
                if (group != null) {
                    into.group(group);
                    groupCountTags[countTag] = true;
                }
            } else if (kind.equals("component")) {
                String name = element.getAttribute("name");
                Element component = components.get(name);
                if (component == null) {
                    throw error(where + " references undefined component '" + name + "'");
                }
                if (componentStack.contains(name)) {
                    throw error("component " + name + " includes itself (" + String.join(" > ", componentStack) + ")");
                }
                componentStack.push(name);
                expand(component, into, marked && required, where);
                componentStack.pop();
            }
        }
    }

    private GroupDefinition group(Element element, int countTag, boolean required, String where) {
        String name = element.getAttribute("name");
        Container members = new Container();
        expand(element, members, true, where + ", group " + name);
        // QuickFIX/J ignores a group without members; so does this
        return members.fields.isEmpty() ? null
            : new GroupDefinition(name, countTag, required, members.fieldArray(), members.requiredArray(),
                members.groups.toArray(new GroupDefinition[0]));
    }

    private int tag(Element element, String where) {
        String name = element.getAttribute("name");
        if (name.isEmpty()) {
            throw error(where + " has a <" + element.getTagName() + "> without a name");
        }
        Integer tag = tagsByName.get(name);
        if (tag == null) {
            throw error(where + " references undefined field '" + name + "'");
        }
        return tag;
    }

    /**
     * Length fields announcing data fields, by QuickFIX's naming: RawDataLength(95) before
     * RawData(96), XmlDataLen(212) before XmlData(213); else the tag just below, as
     * QuickFIX/J assumes.
     */
    private int[][] dataFieldPairs() {
        List<int[]> pairs = new ArrayList<>();
        for (int tag = 1; tag <= maxTag; tag++) {
            if (fieldTypes[tag] != FieldType.DATA && fieldTypes[tag] != FieldType.XMLDATA) {
                continue;
            }
            int length = lengthField(fieldNames[tag] + "Length");
            if (length < 0) {
                length = lengthField(fieldNames[tag] + "Len");
            }
            if (length < 0 && tag > 1 && isLengthType(tag - 1)) {
                length = tag - 1;
            }
            if (length > 0) {
                pairs.add(new int[] {length, tag});
            }
        }
        return pairs.toArray(new int[0][]);
    }

    private int lengthField(String name) {
        Integer tag = tagsByName.get(name);
        return tag != null && isLengthType(tag) ? tag : -1;
    }

    private boolean isLengthType(int tag) {
        return fieldTypes[tag] == FieldType.LENGTH || fieldTypes[tag] == FieldType.INT;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Child elements named {@code name}, or all child elements if {@code name} is null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && (name == null || ((Element) node).getTagName().equals(name))) {
                found.add((Element) node);
            }
        }
        return found;
    }

    /** Fields and groups gathered for a message, header, trailer or group entry. */
    private static final class Container {
        final Set<Integer> fields = new LinkedHashSet<>();
        final Set<Integer> required = new TreeSet<>();
        final List<GroupDefinition> groups = new ArrayList<>();

        void field(int tag, boolean isRequired) {
            fields.add(tag);
            if (isRequired) {
                required.add(tag);
            }
        }

        void group(GroupDefinition group) {
            for (GroupDefinition existing : groups) {
                if (existing.countTag() == group.countTag()) {
                    return;
                }
            }
            groups.add(group);
        }

        int[] fieldArray() {
            return fields.stream().mapToInt(Integer::intValue).toArray();
        }

        int[] requiredArray() {
            return required.stream().mapToInt(Integer::intValue).toArray();
        }

        MessageDefinition message(String name, String msgType, String category) {
            return new MessageDefinition(name, msgType, category, fieldArray(), requiredArray(),
                groups.toArray(new GroupDefinition[0]));
        }
    }
}
