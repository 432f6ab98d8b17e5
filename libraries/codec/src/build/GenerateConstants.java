import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.lang.model.SourceVersion;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Generates the {@code Tags}, {@code MsgTypes} and {@code Values} constant classes of the codec
 * from QuickFIX XML dictionaries. The codec build runs it in {@code generate-sources} with the
 * Java source-file launcher, so it uses the JDK only:
 *
 * <pre>
 * java GenerateConstants.java &lt;dictionaryDir&gt; &lt;outputDir&gt; &lt;quickfixjVersion&gt; &lt;dictionary&gt;...
 * </pre>
 *
 * A dictionary such as {@code FIX44} is read from {@code <dictionaryDir>/FIX44.xml} and becomes
 * the package {@code io.tagwire.codec.fix44} under {@code <outputDir>}. Files are rewritten only
 * when their content changes, so an unchanged dictionary does not force a recompile.
 */
public final class GenerateConstants {
    private static final String BASE_PACKAGE = "io.tagwire.codec";
    private static final Set<String> INT_TYPES = Set.of("INT", "LENGTH", "NUMINGROUP", "SEQNUM", "DAYOFMONTH",
            "TAGNUM");
    private static final Set<String> CHAR_TYPES = Set.of("CHAR", "BOOLEAN");

    private GenerateConstants() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            fail("usage: java GenerateConstants.java <dictionaryDir> <outputDir> <quickfixjVersion> <dictionary>...");
        }
        Path dictionaryDir = Path.of(args[0]);
        Path outputDir = Path.of(args[1]);
        String version = args[2];
        for (int i = 3; i < args.length; i++) {
            Path file = dictionaryDir.resolve(args[i] + ".xml");
            if (!Files.isRegularFile(file)) {
                fail("dictionary " + file.toAbsolutePath() + " not found; it is unpacked from"
                        + " org.quickfixj:quickfixj-messages-all:" + version
                        + " by maven-dependency-plugin, which must run before this generator");
            }
            Dictionary dictionary = read(file);
            String pkg = BASE_PACKAGE + "." + args[i].toLowerCase(Locale.ROOT);
            String source = "QuickFIX/J " + version + " dictionary " + file.getFileName();
            Path packageDir = outputDir.resolve(pkg.replace('.', '/'));
            write(packageDir.resolve("Tags.java"), tags(pkg, dictionary, source));
            write(packageDir.resolve("MsgTypes.java"), msgTypes(pkg, dictionary, source));
            write(packageDir.resolve("Values.java"), values(pkg, dictionary, source));
        }
    }

    private record Field(int number, String name, String type, List<Value> values) {
    }

    private record Value(String enumValue, String description) {
    }

    private record Message(String name, String msgType, String category) {
    }

    private record Dictionary(String label, List<Field> fields, List<Message> messages) {
    }

    private static Dictionary read(Path file) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw fail("cannot parse " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        if (!root.getTagName().equals("fix")) {
            throw fail(file.toAbsolutePath() + " is not a QuickFIX dictionary: root element <"
                    + root.getTagName() + ">");
        }
        String label = root.getAttribute("type").isEmpty() ? "FIX" : root.getAttribute("type");
        label += " " + root.getAttribute("major") + "." + root.getAttribute("minor");
        if (!root.getAttribute("servicepack").isEmpty() && !root.getAttribute("servicepack").equals("0")) {
            label += " SP" + root.getAttribute("servicepack");
        }

        List<Field> fields = new ArrayList<>();
        for (Element field : children(section(root, "fields", file), "field")) {
            String name = identifier(field.getAttribute("name"), "field", file);
            int number;
            try {
                number = Integer.parseInt(field.getAttribute("number"));
            } catch (NumberFormatException e) {
                throw fail(file.toAbsolutePath() + ": field " + name + " has number '"
                        + field.getAttribute("number") + "'");
            }
            List<Value> values = new ArrayList<>();
            for (Element value : children(field, "value")) {
                values.add(new Value(value.getAttribute("enum"), value.getAttribute("description")));
            }
            fields.add(new Field(number, name, field.getAttribute("type"), values));
        }

        List<Message> messages = new ArrayList<>();
        for (Element message : children(section(root, "messages", file), "message")) {
            messages.add(new Message(identifier(message.getAttribute("name"), "message", file),
                    message.getAttribute("msgtype"), message.getAttribute("msgcat")));
        }
        return new Dictionary(label, fields, messages);
    }

    private static String tags(String pkg, Dictionary dictionary, String source) {
        StringBuilder out = header(pkg);
        out.append("/** ").append(dictionary.label()).append(" field tags, generated from the ")
                .append(source).append(". */\n");
        out.append("public final class Tags {\n");
        Set<String> names = new HashSet<>();
        for (Field field : dictionary.fields()) {
            unique(names, field.name(), "field", source);
            out.append("    /** ").append(field.name()).append('(').append(field.number()).append("), ")
                    .append(comment(field.type())).append(". */\n");
            out.append("    public static final int ").append(field.name()).append(" = ").append(field.number())
                    .append(";\n");
        }
        return footer(out, "Tags");
    }

    private static String msgTypes(String pkg, Dictionary dictionary, String source) {
        StringBuilder out = header(pkg);
        out.append("/**\n * ").append(dictionary.label()).append(" MsgType(35) values, generated from the ")
                .append(source).append(".\n")
                .append(" * Each {@code <Name>_KEY} equals {@code io.tagwire.codec.MsgTypeKey.of(<Name>)}.\n */\n");
        out.append("public final class MsgTypes {\n");
        Set<String> names = new HashSet<>();
        for (Message message : dictionary.messages()) {
            unique(names, message.name(), "message", source);
            unique(names, message.name() + "_KEY", "message", source);
            String label = message.name() + "(" + comment(message.msgType()) + ")";
            out.append("    /** ").append(label)
                    .append(message.category().isEmpty() ? "" : ", " + comment(message.category())).append(". */\n");
            out.append("    public static final String ").append(message.name()).append(" = ")
                    .append(stringLiteral(message.msgType())).append(";\n");
            out.append("    /** MsgTypeKey of ").append(label).append(". */\n");
            out.append("    public static final long ").append(message.name()).append("_KEY = 0x")
                    .append(Long.toHexString(msgTypeKey(message.msgType()))).append("L;\n");
        }
        return footer(out, "MsgTypes");
    }

    private static String values(String pkg, Dictionary dictionary, String source) {
        StringBuilder out = header(pkg);
        out.append("/** ").append(dictionary.label()).append(" enumerated field values, generated from the ")
                .append(source).append(". */\n");
        out.append("public final class Values {\n");
        boolean first = true;
        for (Field field : dictionary.fields()) {
            if (field.values().isEmpty()) {
                continue;
            }
            if (field.name().equals("Values")) {
                fail(source + ": a nested class for field Values would clash with its enclosing class Values");
            }
            out.append(first ? "" : "\n");
            first = false;
            String label = field.name() + "(" + field.number() + ")";
            out.append("    /** Values of ").append(label).append(", generated from the ").append(source)
                    .append(". */\n");
            out.append("    public static final class ").append(field.name()).append(" {\n");
            Set<String> names = new HashSet<>();
            for (Value value : field.values()) {
                String name = constantName(value);
                if (!names.add(name)) {
                    String base = name;
                    int suffix = 2;
                    while (!names.add(base + "_" + suffix)) {
                        suffix++;
                    }
                    name = base + "_" + suffix;
                    System.err.println("GenerateConstants: " + source + ": " + label + " value '"
                            + value.enumValue() + "' named " + name + " (description " + base + " is taken)");
                }
                out.append("        /** ").append(label).append(" = ").append(comment(value.enumValue()))
                        .append(". */\n");
                out.append("        public static final ").append(constant(field.type(), value.enumValue()))
                        .append(' ').append(name).append(" = ").append(literal(field.type(), value.enumValue()))
                        .append(";\n");
            }
            out.append("\n        private ").append(field.name()).append("() {\n        }\n    }\n");
        }
        return footer(out, "Values");
    }

    /** The QuickFIX description as an upper-case identifier, or VALUE_ and the enum if it has no letter or digit. */
    private static String constantName(Value value) {
        String name = upperIdentifier(value.description());
        if (name.chars().allMatch(c -> c == '_')) {
            name = upperIdentifier("VALUE_" + value.enumValue());
        }
        return name.charAt(0) >= '0' && name.charAt(0) <= '9' ? "_" + name : name;
    }

    private static String upperIdentifier(String text) {
        StringBuilder name = new StringBuilder(text.length());
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            name.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return name.toString();
    }

    private static String constant(String type, String value) {
        if (CHAR_TYPES.contains(type) && value.length() == 1) {
            return "char";
        }
        if (INT_TYPES.contains(type) && parsesAsInt(value)) {
            return "int";
        }
        return "String";
    }

    private static String literal(String type, String value) {
        switch (constant(type, value)) {
            case "char":
                return value.equals("'") ? "'\\''" : value.equals("\"") ? "'\"'" : "'" + escape(value) + "'";
            case "int":
                return Integer.toString(Integer.parseInt(value));
            default:
                return stringLiteral(value);
        }
    }

    private static boolean parsesAsInt(String value) {
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The same packing as {@code io.tagwire.codec.MsgTypeKey.of(CharSequence)}. */
    private static long msgTypeKey(String msgType) {
        if (msgType.isEmpty() || msgType.length() > 8) {
            return 0L;
        }
        long key = 0;
        for (int i = 0; i < msgType.length(); i++) {
            key = (key << 8) | (msgType.charAt(i) & 0xFF);
        }
        return key;
    }

    private static String stringLiteral(String value) {
        return "\"" + escape(value) + "\"";
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                // an octal escape: a unicode escape of a line terminator would end the literal
                out.append(String.format("\\%03o", (int) c));
            } else if (c > 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Dictionary text made safe inside a javadoc comment (no unicode escapes, no comment end, no tags). */
    private static String comment(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7E || "\\*<>&@{}".indexOf(c) >= 0) {
                out.append("&#").append((int) c).append(';');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static StringBuilder header(String pkg) {
        return new StringBuilder(64 * 1024).append("package ").append(pkg).append(";\n\n");
    }

    private static String footer(StringBuilder out, String className) {
        out.append("\n    private ").append(className).append("() {\n    }\n}\n");
        return out.toString();
    }

    private static void unique(Set<String> names, String name, String kind, String source) {
        if (!names.add(name)) {
            fail(source + ": " + kind + " name " + name + " is defined twice");
        }
    }

    private static String identifier(String name, String kind, Path file) {
        if (!SourceVersion.isName(name, SourceVersion.RELEASE_17)) {
            throw fail(file.toAbsolutePath() + ": " + kind + " name '" + name + "' cannot be a Java constant name");
        }
        return name;
    }

    private static Element section(Element root, String name, Path file) {
        List<Element> sections = children(root, name);
        if (sections.size() != 1) {
            throw fail(file.toAbsolutePath() + ": expected one <" + name + "> element, found " + sections.size());
        }
        return sections.get(0);
    }

    private static List<Element> children(Element parent, String tagName) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && ((Element) node).getTagName().equals(tagName)) {
                elements.add((Element) node);
            }
        }
        return elements;
    }

    private static void write(Path file, String content) {
        try {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw fail("cannot write " + file.toAbsolutePath() + ": " + e);
        }
    }

    /** Ends the build step with {@code message}; declared to return so callers can write {@code throw fail(...)}. */
    private static IllegalStateException fail(String message) {
        System.err.println("GenerateConstants: " + message);
        System.exit(1);
        return new IllegalStateException(message);
    }
}
