package org.parley.mapper.pidf;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.parley.mapper.MappingResult;

/**
 * Reads the subset of a Microsoft enhanced presence body ({@code <categories>}, [MS-PRES]) that the gateway maps,
 * with the same safety as {@link PidfReader} (size limit, no DTD, no entities, unknown elements skipped).
 *
 * <p>Supported shape (namespaces {@code …/2006/09/sip/categories}, {@code …/state}, {@code …/note}):
 * <pre>
 * &lt;categories uri="sip:bob@contoso.test"&gt;
 *   &lt;category name="state"&gt;&lt;state xsi:type="aggregateState"&gt;&lt;availability&gt;3500&lt;/availability&gt;…
 *   &lt;category name="note"&gt;&lt;note&gt;&lt;body type="personal"&gt;Out to lunch&lt;/body&gt;…
 * &lt;/categories&gt;
 * </pre>
 * From several {@code state} instances the {@code aggregateState} one wins (it is what Lync shows to watchers),
 * otherwise the first that carries an availability. From the notes the first {@code personal} body wins, else
 * the first {@code OOF} body, else the first body. Not supported: batched {@code roamingData} or RLMI lists,
 * activity tokens, calendar data, contact cards. A body over the limit → policy-violation / 413; not well-formed,
 * a DTD, another root, no {@code uri}, or an availability that is not an unsigned integer → bad-request / 400.
 */
public final class MsCategoriesReader {

    static final String CATEGORIES_NS = "http://schemas.microsoft.com/2006/09/sip/categories";
    static final String STATE_NS = "http://schemas.microsoft.com/2006/09/sip/state";
    static final String NOTE_NS = "http://schemas.microsoft.com/2006/09/sip/note";

    private static final QName CATEGORIES = new QName(CATEGORIES_NS, "categories");
    private static final QName CATEGORY = new QName(CATEGORIES_NS, "category");
    private static final QName STATE = new QName(STATE_NS, "state");
    private static final QName AVAILABILITY = new QName(STATE_NS, "availability");
    private static final QName NOTE = new QName(NOTE_NS, "note");
    private static final QName BODY = new QName(NOTE_NS, "body");
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    private final int maxBytes;

    /** A reader with {@link PidfReader#DEFAULT_MAX_BYTES}. */
    public MsCategoriesReader() {
        this(PidfReader.DEFAULT_MAX_BYTES);
    }

    /** A reader refusing bodies larger than {@code maxBytes} octets. */
    public MsCategoriesReader(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** Reads a body given as text (encoded as UTF-8 before parsing). */
    public MappingResult<MsCategories> read(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a body as received. */
    public MappingResult<MsCategories> read(byte[] body) {
        if (body.length > maxBytes) {
            return MappingResult.rejected(BodyProblem.TOO_LARGE.reject(
                    "categories body of " + body.length + " octets exceeds the limit of " + maxBytes));
        }
        try (XmlCursor cursor = XmlCursor.open(body)) {
            return MappingResult.mapped(categories(cursor));
        } catch (XmlProblem problem) {
            return MappingResult.rejected(BodyProblem.MALFORMED.reject("categories: " + problem.getMessage()));
        }
    }

    /** What has been found so far while reading. */
    private static final class Found {
        OptionalLong aggregate = OptionalLong.empty();
        OptionalLong firstAvailability = OptionalLong.empty();
        Optional<String> personal = Optional.empty();
        Optional<String> oof = Optional.empty();
        Optional<String> firstNote = Optional.empty();
    }

    private static MsCategories categories(XmlCursor cursor) throws XmlProblem {
        if (!cursor.nextTag() || !cursor.name().equals(CATEGORIES)) {
            throw cursor.problem("root element is not enhanced presence <categories>");
        }
        String uri = cursor.attribute("uri").map(String::strip).filter(u -> !u.isEmpty())
                .orElseThrow(() -> cursor.problem("<categories> without uri"));
        Found found = new Found();
        while (cursor.nextTag()) {
            if (cursor.name().equals(CATEGORY)) {
                category(cursor, found);
            } else {
                cursor.skipElement();
            }
        }
        cursor.requireEnd();
        OptionalLong availability = found.aggregate.isPresent() ? found.aggregate : found.firstAvailability;
        Optional<String> note = found.personal.or(() -> found.oof).or(() -> found.firstNote);
        return new MsCategories(uri, availability, note);
    }

    private static void category(XmlCursor cursor, Found found) throws XmlProblem {
        while (cursor.nextTag()) {
            QName name = cursor.name();
            if (name.equals(STATE)) {
                state(cursor, found);
            } else if (name.equals(NOTE)) {
                note(cursor, found);
            } else {
                cursor.skipElement();
            }
        }
    }

    private static void state(XmlCursor cursor, Found found) throws XmlProblem {
        boolean aggregate = cursor.attribute(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type")
                .map(type -> type.substring(type.indexOf(':') + 1).strip()).filter("aggregateState"::equals)
                .isPresent();
        while (cursor.nextTag()) {
            if (cursor.name().equals(AVAILABILITY)) {
                long value = availability(cursor);
                if (aggregate && found.aggregate.isEmpty()) {
                    found.aggregate = OptionalLong.of(value);
                }
                if (found.firstAvailability.isEmpty()) {
                    found.firstAvailability = OptionalLong.of(value);
                }
            } else {
                cursor.skipElement();
            }
        }
    }

    private static long availability(XmlCursor cursor) throws XmlProblem {
        String text = cursor.text().strip();
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw cursor.problem("availability '" + text + "' is not an unsigned integer");
        }
        long value = Long.parseLong(text);
        if (value > MAX_UNSIGNED_INT) {
            throw cursor.problem("availability " + value + " exceeds xs:unsignedInt");
        }
        return value;
    }

    private static void note(XmlCursor cursor, Found found) throws XmlProblem {
        while (cursor.nextTag()) {
            if (cursor.name().equals(BODY)) {
                String type = cursor.attribute("type").map(String::strip).orElse("");
                String text = cursor.text().strip();
                if (!text.isEmpty()) {
                    Optional<String> body = Optional.of(text);
                    if (type.equals("personal") && found.personal.isEmpty()) {
                        found.personal = body;
                    } else if (type.equalsIgnoreCase("OOF") && found.oof.isEmpty()) {
                        found.oof = body;
                    }
                    if (found.firstNote.isEmpty()) {
                        found.firstNote = body;
                    }
                }
            } else {
                cursor.skipElement();
            }
        }
    }
}
