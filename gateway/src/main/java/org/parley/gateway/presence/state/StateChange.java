package org.parley.gateway.presence.state;

import java.util.Objects;

/**
 * One change to the durable presence state: an item put (inserted or replaced as a whole) or removed. The
 * change for a key supersedes every earlier one for that key.
 */
public sealed interface StateChange {

    /** The item the change is about. */
    StateKey key();

    /** Puts an authorization. */
    record PutAuthorization(PresenceAuthorization authorization) implements StateChange {
        /** Requires the authorization. */
        public PutAuthorization {
            Objects.requireNonNull(authorization, "authorization");
        }

        @Override
        public AuthorizationKey key() {
            return authorization.key();
        }
    }

    /** Puts a dialog. */
    record PutDialog(SipSubscriptionDialog dialog) implements StateChange {
        /** Requires the dialog. */
        public PutDialog {
            Objects.requireNonNull(dialog, "dialog");
        }

        @Override
        public DialogId key() {
            return dialog.id();
        }
    }

    /** Puts the last known presence of a resource. */
    record PutPresence(LastPresence presence) implements StateChange {
        /** Requires the presence. */
        public PutPresence {
            Objects.requireNonNull(presence, "presence");
        }

        @Override
        public PresenceKey key() {
            return presence.key();
        }
    }

    /** Removes whatever is stored under {@code key}; removing an absent item is no error. */
    record Remove(StateKey key) implements StateChange {
        /** Requires the key. */
        public Remove {
            Objects.requireNonNull(key, "key");
        }
    }

    /** Puts {@code authorization}. */
    static StateChange put(PresenceAuthorization authorization) {
        return new PutAuthorization(authorization);
    }

    /** Puts {@code dialog}. */
    static StateChange put(SipSubscriptionDialog dialog) {
        return new PutDialog(dialog);
    }

    /** Puts {@code presence}. */
    static StateChange put(LastPresence presence) {
        return new PutPresence(presence);
    }

    /** Removes the item under {@code key}. */
    static StateChange remove(StateKey key) {
        return new Remove(key);
    }
}
