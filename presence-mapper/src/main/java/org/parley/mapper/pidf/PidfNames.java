package org.parley.mapper.pidf;

import javax.xml.namespace.QName;

/** The namespaces and element names of PIDF (RFC 3863), its data model (RFC 4479), RPID (RFC 4480) and RFC 8048. */
final class PidfNames {

    /** RFC 3863 §4.1. */
    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    /** RFC 4479 §4. */
    static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
    /** RFC 4480 §6. */
    static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";
    /** RFC 6120 §4.8.3, the namespace of {@code <show/>} that RFC 8048 §6.2 note 7 places in PIDF. */
    static final String JABBER_CLIENT = "jabber:client";

    static final QName PRESENCE = new QName(PIDF, "presence");
    static final QName TUPLE = new QName(PIDF, "tuple");
    static final QName STATUS = new QName(PIDF, "status");
    static final QName BASIC = new QName(PIDF, "basic");
    static final QName CONTACT = new QName(PIDF, "contact");
    static final QName NOTE = new QName(PIDF, "note");
    static final QName TIMESTAMP = new QName(PIDF, "timestamp");
    static final QName SHOW = new QName(JABBER_CLIENT, "show");
    static final QName PERSON = new QName(DATA_MODEL, "person");
    static final QName DM_NOTE = new QName(DATA_MODEL, "note");
    static final QName DM_TIMESTAMP = new QName(DATA_MODEL, "timestamp");
    static final QName ACTIVITIES = new QName(RPID, "activities");

    private PidfNames() {
    }
}
