-- The body of the NOTIFYs the gateway sends in a notifier dialog (sip-to-xmpp: a SIP user watches an XMPP contact),
-- chosen from the watcher's Accept header when it subscribed (RFC 6665 §4.2.1, RFC 3261 §20.1), so that a watcher
-- taken back after a restart keeps getting the format it asked for:
--   application/pidf+xml                    PIDF (RFC 3863), the presence package's default
--   application/msrtc-event-categories+xml  Microsoft enhanced presence categories ([MS-PRES])
-- Subscriber dialogs and rows written before this migration read as PIDF.
ALTER TABLE sip_subscription ADD COLUMN notify_body VARCHAR(64) DEFAULT 'application/pidf+xml' NOT NULL;
ALTER TABLE sip_subscription ADD CONSTRAINT sip_subscription_notify_body_ck
    CHECK (notify_body IN ('application/pidf+xml', 'application/msrtc-event-categories+xml'));
