package org.parley.mapper.pidf;

import static org.parley.mapper.pidf.PidfNames.ACTIVITIES;
import static org.parley.mapper.pidf.PidfNames.BASIC;
import static org.parley.mapper.pidf.PidfNames.CONTACT;
import static org.parley.mapper.pidf.PidfNames.DM_NOTE;
import static org.parley.mapper.pidf.PidfNames.DM_TIMESTAMP;
import static org.parley.mapper.pidf.PidfNames.NOTE;
import static org.parley.mapper.pidf.PidfNames.PERSON;
import static org.parley.mapper.pidf.PidfNames.PRESENCE;
import static org.parley.mapper.pidf.PidfNames.RPID;
import static org.parley.mapper.pidf.PidfNames.SHOW;
import static org.parley.mapper.pidf.PidfNames.STATUS;
import static org.parley.mapper.pidf.PidfNames.TIMESTAMP;
import static org.parley.mapper.pidf.PidfNames.TUPLE;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.parley.mapper.MappingResult;

/**
 * Reads an {@code application/pidf+xml} body (RFC 3863) from the network into a {@link PidfDocument}, safely: the
 * body is bounded in size, DTDs and entity references are refused ({@link XmlCursor}), elements and attributes the
 * model does not keep are skipped. Immutable and thread-safe.
 *
 * <p>Rejections: a body over the size limit → policy-violation / 413; anything not well-formed, a DTD, a root
 * other than {@code <presence xmlns='urn:ietf:params:xml:ns:pidf'>}, a missing {@code entity} or tuple id,
 * duplicate ids, a {@code <basic>} other than open/closed, a contact priority that is not a qvalue, or a
 * timestamp that is not an {@code xs:dateTime} → bad-request / 400. An unknown {@code <show>} value is ignored.
 */
public final class PidfReader {

    /** The default size limit: 64 KiB, far above any real presence document. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    private final int maxBytes;

    /** A reader with {@link #DEFAULT_MAX_BYTES}. */
    public PidfReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A reader refusing bodies larger than {@code maxBytes} octets. */
    public PidfReader(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Reads a body given as text (encoded as UTF-8 before parsing; an XML declaration must not contradict it). */
    public MappingResult<PidfDocument> read(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a body as received; the encoding comes from the BOM or XML declaration, UTF-8 by default. */
    public MappingResult<PidfDocument> read(byte[] body) {
        if (body.length > maxBytes) {
            return MappingResult.rejected(BodyProblem.TOO_LARGE.reject(
                    "PIDF body of " + body.length + " octets exceeds the limit of " + maxBytes));
        }
        try (XmlCursor cursor = XmlCursor.open(body)) {
            return MappingResult.mapped(document(cursor));
        } catch (XmlProblem problem) {
            return MappingResult.rejected(BodyProblem.MALFORMED.reject("PIDF: " + problem.getMessage()));
        }
    }

    private static PidfDocument document(XmlCursor cursor) throws XmlProblem {
        if (!cursor.nextTag() || !cursor.name().equals(PRESENCE)) {
            throw cursor.problem("root element is not PIDF <presence>");
        }
        String entity = required(cursor, "entity");
        List<PidfTuple> tuples = new ArrayList<>();
        List<PidfNote> notes = new ArrayList<>();
        List<PidfPerson> persons = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        while (cursor.nextTag()) {
            QName name = cursor.name();
            if (name.equals(TUPLE)) {
                tuples.add(tuple(cursor, ids));
            } else if (name.equals(NOTE)) {
                notes.add(note(cursor));
            } else if (name.equals(PERSON)) {
                persons.add(person(cursor, ids));
            } else {
                cursor.skipElement();
            }
        }
        cursor.requireEnd();
        return new PidfDocument(entity, tuples, notes, persons);
    }

    private static PidfTuple tuple(XmlCursor cursor, Set<String> ids) throws XmlProblem {
        String id = uniqueId(cursor, ids);
        Optional<BasicStatus> basic = Optional.empty();
        Optional<JabberShow> show = Optional.empty();
        Optional<PidfContact> contact = Optional.empty();
        List<PidfNote> notes = new ArrayList<>();
        Optional<Instant> timestamp = Optional.empty();
        while (cursor.nextTag()) {
            QName name = cursor.name();
            if (name.equals(STATUS)) {
                while (cursor.nextTag()) {
                    if (cursor.name().equals(BASIC)) {
                        basic = Optional.of(basic(cursor));
                    } else if (cursor.name().equals(SHOW)) {
                        show = JabberShow.fromWire(cursor.text().strip());
                    } else {
                        cursor.skipElement();
                    }
                }
            } else if (name.equals(CONTACT)) {
                contact = Optional.of(contact(cursor));
            } else if (name.equals(NOTE)) {
                notes.add(note(cursor));
            } else if (name.equals(TIMESTAMP)) {
                timestamp = Optional.of(timestamp(cursor));
            } else {
                cursor.skipElement();
            }
        }
        return new PidfTuple(id, basic, show, contact, notes, timestamp);
    }

    private static PidfPerson person(XmlCursor cursor, Set<String> ids) throws XmlProblem {
        String id = uniqueId(cursor, ids);
        Set<Activity> activities = new LinkedHashSet<>();
        List<PidfNote> notes = new ArrayList<>();
        Optional<Instant> timestamp = Optional.empty();
        while (cursor.nextTag()) {
            QName name = cursor.name();
            if (name.equals(ACTIVITIES)) {
                while (cursor.nextTag()) {
                    QName activity = cursor.name();
                    if (activity.getNamespaceURI().equals(RPID)) {
                        Activity.fromElementName(activity.getLocalPart()).ifPresent(activities::add);
                    }
                    cursor.skipElement();
                }
            } else if (name.equals(DM_NOTE)) {
                notes.add(note(cursor));
            } else if (name.equals(DM_TIMESTAMP)) {
                timestamp = Optional.of(timestamp(cursor));
            } else {
                cursor.skipElement();
            }
        }
        return new PidfPerson(id, List.copyOf(activities), notes, timestamp);
    }

    private static BasicStatus basic(XmlCursor cursor) throws XmlProblem {
        String text = cursor.text().strip();
        return BasicStatus.fromWire(text)
                .orElseThrow(() -> cursor.problem("<basic> is '" + text + "', not open or closed"));
    }

    private static PidfContact contact(XmlCursor cursor) throws XmlProblem {
        Optional<String> priority = cursor.attribute("priority").map(String::strip);
        if (priority.isPresent() && !QVALUE.matcher(priority.get()).matches()) {
            throw cursor.problem("contact priority '" + priority.get() + "' is not a qvalue");
        }
        String uri = cursor.text().strip();
        if (uri.isEmpty()) {
            throw cursor.problem("empty <contact>");
        }
        return new PidfContact(uri, priority.map(BigDecimal::new));
    }

    private static PidfNote note(XmlCursor cursor) throws XmlProblem {
        Optional<String> lang = cursor.lang().map(String::strip).filter(tag -> !tag.isEmpty());
        return new PidfNote(cursor.text(), lang);
    }

    private static Instant timestamp(XmlCursor cursor) throws XmlProblem {
        String text = cursor.text().strip();
        return XsDateTime.parse(text).orElseThrow(() -> cursor.problem("timestamp '" + text + "' is not a dateTime"));
    }

    private static String uniqueId(XmlCursor cursor, Set<String> ids) throws XmlProblem {
        String id = required(cursor, "id");
        if (!ids.add(id)) {
            throw cursor.problem("duplicate id '" + id + "'");
        }
        return id;
    }

    private static String required(XmlCursor cursor, String attribute) throws XmlProblem {
        String value = cursor.attribute(attribute).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw cursor.problem("<" + cursor.name().getLocalPart() + "> without " + attribute);
        }
        return value;
    }
}
