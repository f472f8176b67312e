-- Durable presence state (see org.parley.gateway.presence.state), RFC 8048 §5 and RFC 6665: presence
-- authorizations between local SIP users and remote XMPP contacts, the SIP subscription dialogs the gateway holds
-- with the Access Edge, and the last known presence of each XMPP resource.
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL. Timestamps are TIMESTAMP WITH TIME ZONE, written in UTC.
-- Key columns are sized so that every index entry stays within PostgreSQL's B-tree limit (2704 bytes); the
-- writer refuses longer values before they reach a batch.
-- Addresses: sip_user is the SIP user's address of record as a URI (sip:bob@contoso.test); xmpp_contact and jid
-- are bare JIDs (alice@jabber.test).

-- Who may see whose presence. No row means "none" (RFC 6121 §3: no subscription, no pending request).
--   xmpp-to-sip: the XMPP contact subscribes to the SIP user's presence (the gateway subscribes at the edge)
--   sip-to-xmpp: the SIP user subscribes to the XMPP contact's presence (the gateway notifies the edge)
CREATE TABLE presence_authorization (
    sip_user     VARCHAR(1024) NOT NULL,
    xmpp_contact VARCHAR(1280) NOT NULL,
    direction    VARCHAR(16)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT presence_authorization_pk PRIMARY KEY (sip_user, xmpp_contact, direction),
    CONSTRAINT presence_authorization_direction_ck CHECK (direction IN ('xmpp-to-sip', 'sip-to-xmpp')),
    CONSTRAINT presence_authorization_state_ck CHECK (state IN ('pending', 'authorized', 'rejected')),
    CONSTRAINT presence_authorization_time_ck CHECK (updated_at >= created_at)
);

-- Lookups by local user use the primary key's leading column; by remote contact this index.
CREATE INDEX presence_authorization_contact_ix ON presence_authorization (xmpp_contact);

-- SIP subscription dialogs (RFC 6665 §4.1.2, §4.2; RFC 3261 §12): everything needed to refresh the dialog or to
-- notify in it after a restart, or to create it again when it has expired.
--   dialog_role subscriber: the gateway subscribes toward the edge for the XMPP contact (xmpp-to-sip)
--   dialog_role notifier:   the edge subscribed at the gateway for the SIP user (sip-to-xmpp)
--   dialog_state: pending until the subscription is authorized, then active; terminated dialogs are deleted
--   route_set: the Route header values in order, separated by a line feed (SIP header values never contain one);
--              empty for none
--   local_cseq: the last CSeq the gateway sent in the dialog
CREATE TABLE sip_subscription (
    call_id       VARCHAR(255)  NOT NULL,
    local_tag     VARCHAR(128)  NOT NULL,
    remote_tag    VARCHAR(128),
    dialog_role   VARCHAR(16)   NOT NULL,
    sip_user      VARCHAR(1024) NOT NULL,
    xmpp_contact  VARCHAR(1280) NOT NULL,
    event_package VARCHAR(64)   NOT NULL,
    dialog_state  VARCHAR(16)   NOT NULL,
    remote_target VARCHAR(2048) NOT NULL,
    route_set     VARCHAR(8192) NOT NULL,
    local_cseq    BIGINT        NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sip_subscription_pk PRIMARY KEY (call_id, local_tag),
    CONSTRAINT sip_subscription_role_ck CHECK (dialog_role IN ('subscriber', 'notifier')),
    CONSTRAINT sip_subscription_state_ck CHECK (dialog_state IN ('pending', 'active')),
    CONSTRAINT sip_subscription_cseq_ck CHECK (local_cseq BETWEEN 0 AND 2147483647)
);

CREATE INDEX sip_subscription_user_ix ON sip_subscription (sip_user);
CREATE INDEX sip_subscription_contact_ix ON sip_subscription (xmpp_contact);
CREATE INDEX sip_subscription_expiry_ix ON sip_subscription (expires_at);

-- Last known presence per XMPP resource (RFC 6121 §4.7), so that probes and NOTIFYs can be answered at once
-- after a restart. resource is '' for presence from a bare JID (a resourcepart is never empty, RFC 7622 §3.4).
-- presence_show is NULL for available presence without <show/> and for unavailable presence.
CREATE TABLE last_presence (
    jid           VARCHAR(1280) NOT NULL,
    resource      VARCHAR(1023) NOT NULL,
    available     BOOLEAN       NOT NULL,
    presence_show VARCHAR(8),
    priority      SMALLINT      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT last_presence_pk PRIMARY KEY (jid, resource),
    CONSTRAINT last_presence_show_ck CHECK (presence_show IN ('chat', 'away', 'xa', 'dnd')),
    CONSTRAINT last_presence_show_available_ck CHECK (available OR presence_show IS NULL),
    CONSTRAINT last_presence_priority_ck CHECK (priority BETWEEN -128 AND 127)
);

-- The <status/> texts of a last known presence, in document order; status_lang is the xml:lang, NULL for none.
CREATE TABLE last_presence_status (
    jid         VARCHAR(1280) NOT NULL,
    resource    VARCHAR(1023) NOT NULL,
    status_seq  SMALLINT      NOT NULL,
    status_lang VARCHAR(255),
    status_text VARCHAR       NOT NULL,
    CONSTRAINT last_presence_status_pk PRIMARY KEY (jid, resource, status_seq),
    CONSTRAINT last_presence_status_presence_fk FOREIGN KEY (jid, resource)
        REFERENCES last_presence (jid, resource) ON DELETE CASCADE
);
