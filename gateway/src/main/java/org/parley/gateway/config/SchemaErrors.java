package org.parley.gateway.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Collects the XML parser's and schema validator's errors as {@link ConfigProblem}s, rewording Xerces' messages
 * ({@code cvc-complex-type.2.4.a: Invalid content was found ...}) into what an administrator needs: the element
 * or attribute, what is expected there and what was found. Messages it does not know keep their text, without
 * the {@code cvc-} code. Well-formedness errors are fatal: parsing stops at the first.
 */
final class SchemaErrors implements ErrorHandler {

    private static final Pattern CODE = Pattern.compile("^(cvc-[\\w.-]+): (.*)$", Pattern.DOTALL);
    private static final Pattern EXPECTED_LIST = Pattern.compile("One of '\\{(.*)\\}' is expected");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern ATTRIBUTE_VALUE = Pattern.compile(
            "The value '(.*)' of attribute '[^']*' on element '[^']*' is not valid with respect to its type, '([^']*)'\\.");
    private static final Pattern ELEMENT_VALUE = Pattern.compile("The value '(.*)' of element '[^']*' is not valid\\.");

    private final Path file;
    private final Supplier<Optional<OpenElement>> current;
    private final SchemaVocabulary vocabulary;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private ConfigProblem pendingFacet;

    /**
     * @param file       the file named in problems
     * @param current    the element the parser is on when an error arrives
     * @param vocabulary type descriptions and allowed attributes from the schema
     */
    SchemaErrors(Path file, Supplier<Optional<OpenElement>> current, SchemaVocabulary vocabulary) {
        this.file = file;
        this.current = current;
        this.vocabulary = vocabulary;
    }

    /** Problems so far, in the order reported. */
    List<ConfigProblem> problems() {
        flushPendingFacet();
        return List.copyOf(problems);
    }

    @Override
    public void warning(SAXParseException exception) {
        // Xerces warns about nothing a valid configuration could contain; warnings are not problems.
    }

    @Override
    public void error(SAXParseException exception) {
        String message = String.valueOf(exception.getMessage());
        Matcher coded = CODE.matcher(message);
        Optional<OpenElement> element = current.get();
        if (!coded.matches() || element.isEmpty()) {
            add(atParser(exception, "", coded.matches() ? coded.group(2) : message));
            return;
        }
        String code = coded.group(1);
        String text = coded.group(2);
        if (isFacet(code)) {
            flushPendingFacet();
            pendingFacet = atParser(exception, "<" + element.get().name() + ">", text);
            return;
        }
        ConfigProblem translated = translate(code, text, element.get());
        if (code.equals("cvc-attribute.3") || code.equals("cvc-type.3.1.3")) {
            pendingFacet = null; // the facet's detail is part of this problem
        }
        add(translated);
    }

    @Override
    public void fatalError(SAXParseException exception) throws SAXParseException {
        String message = String.valueOf(exception.getMessage());
        if (message.contains(SecureXml.DISALLOW_DOCTYPE)) {
            add(atParser(exception, "<!DOCTYPE>",
                    "a DOCTYPE declaration is not allowed (the configuration uses no DTDs or entities); remove it"));
        } else {
            add(atParser(exception, "", "not well-formed XML: " + message));
        }
        throw exception;
    }

    private ConfigProblem translate(String code, String text, OpenElement element) {
        String subject = "<" + element.name() + ">";
        Position at = element.tag().start();
        return switch (code) {
            case "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.d" ->
                    problem(at, subject, unexpectedElement(element, text));
            case "cvc-complex-type.2.4.b" -> problem(at, subject, "missing element: expected " + expected(text));
            case "cvc-complex-type.3.2.2" -> unknownAttribute(element, quoted(text, 0));
            case "cvc-complex-type.4" -> problem(at, subject, "missing required attribute '" + quoted(text, 0) + "'");
            case "cvc-attribute.3" -> invalidAttribute(element, quoted(text, 1), text);
            case "cvc-complex-type.2.1" -> problem(at, subject, "must be empty; its settings are attributes");
            case "cvc-complex-type.2.3" -> problem(at, subject, "text is not allowed here, only elements");
            case "cvc-complex-type.2.2", "cvc-type.3.1.2" -> problem(at, subject, "must contain text only, no elements");
            case "cvc-type.3.1.3" -> problem(at, subject, invalidText(text));
            case "cvc-elt.1.a" -> problem(at, subject,
                    "the root element must be <gateway xmlns=\"" + ConfigSchema.NAMESPACE + "\">"
                            + foundNamespace(element));
            default -> problem(at, subject, text);
        };
    }

    private String unexpectedElement(OpenElement element, String text) {
        String found = "unexpected element <" + element.name() + ">";
        if (!element.namespace().equals(ConfigSchema.NAMESPACE)) {
            found += foundNamespace(element) + " (elements of the configuration are in " + ConfigSchema.NAMESPACE + ")";
        }
        Matcher list = EXPECTED_LIST.matcher(text);
        return found + (list.find() ? "; expected " + expected(text) : "; nothing more is allowed here");
    }

    private ConfigProblem unknownAttribute(OpenElement element, String attribute) {
        List<String> allowed = vocabulary.attributesOf(element.path());
        String message = "unknown attribute '" + attribute + "'; "
                + (allowed.isEmpty() ? "<" + element.name() + "> has no attributes"
                                     : "allowed are " + String.join(", ", allowed));
        return problem(element.attributePosition(attribute), "<" + element.name() + " " + attribute + ">", message);
    }

    private ConfigProblem invalidAttribute(OpenElement element, String attribute, String text) {
        Matcher value = ATTRIBUTE_VALUE.matcher(text);
        String message = value.matches()
                ? "expected " + vocabulary.describeType(value.group(2)) + ", got '" + value.group(1) + "'"
                : text;
        return problem(element.attributePosition(attribute), "<" + element.name() + " " + attribute + ">", message);
    }

    private String invalidText(String text) {
        Matcher value = ELEMENT_VALUE.matcher(text);
        String detail = pendingFacetText();
        return (value.matches() ? "'" + value.group(1) + "' is not valid" : text) + (detail.isEmpty() ? "" : ": " + detail);
    }

    private String pendingFacetText() {
        return pendingFacet == null ? "" : pendingFacet.message();
    }

    /** {@code <a>} or {@code one of <a>, <b>} from Xerces' {@code '{"ns":a, "ns":b}' is expected}. */
    private static String expected(String text) {
        Matcher list = EXPECTED_LIST.matcher(text);
        if (!list.find()) {
            return "another element";
        }
        List<String> names = Arrays.stream(list.group(1).split(","))
                .map(name -> "<" + name.strip().replaceFirst("^\"[^\"]*\":", "").replace("*", "any") + ">")
                .distinct()
                .collect(Collectors.toList());
        return names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names);
    }

    private static String foundNamespace(OpenElement element) {
        return element.namespace().isEmpty() ? " in no namespace" : " in namespace " + element.namespace();
    }

    private static String quoted(String text, int index) {
        Matcher quoted = QUOTED.matcher(text);
        for (int i = 0; i <= index; i++) {
            if (!quoted.find()) {
                return "?";
            }
        }
        return quoted.group(1);
    }

    private static boolean isFacet(String code) {
        return code.startsWith("cvc-datatype-valid") || code.endsWith("-valid");
    }

    private void flushPendingFacet() {
        if (pendingFacet != null) {
            problems.add(pendingFacet);
            pendingFacet = null;
        }
    }

    private void add(ConfigProblem problem) {
        flushPendingFacet();
        problems.add(problem);
    }

    private ConfigProblem problem(Position at, String subject, String message) {
        return new ConfigProblem(file, at.line(), at.column(), subject, message);
    }

    private ConfigProblem atParser(SAXParseException exception, String subject, String message) {
        return new ConfigProblem(file, Math.max(0, exception.getLineNumber()), Math.max(0, exception.getColumnNumber()),
                subject, message);
    }
}
