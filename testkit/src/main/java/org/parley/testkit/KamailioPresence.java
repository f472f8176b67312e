package org.parley.testkit;

import java.time.Duration;
import java.util.List;

/**
 * Turns the test Access Edge ({@link KamailioEdge}) into the SIP users' presence server as well: Kamailio's
 * {@code presence} and {@code presence_xml} modules (Debian {@code kamailio-presence-modules}) answer PUBLISH
 * (RFC 3903) and SUBSCRIBE (RFC 3856, RFC 6665) for users of the edge's domain, with every watcher authorized
 * ({@code force_active}, no XCAP), subscriptions held in memory and publications in a db_text directory of its
 * own. Kamailio caps every granted expiry at {@code maxExpires}, so refreshes can be observed in seconds.
 *
 * @param maxExpires     the longest subscription or publication Kamailio grants ({@code max_expires})
 * @param userAgentUsers users of the domain whose SUBSCRIBEs still go to the user agent (a sipp playing their
 *                       presence server), e.g. to answer a refresh with 481
 */
public record KamailioPresence(Duration maxExpires, List<String> userAgentUsers) {

    /** Requires a positive whole number of seconds; copies the list. */
    public KamailioPresence {
        if (maxExpires.isNegative() || maxExpires.isZero() || maxExpires.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("maxExpires must be a positive number of seconds: " + maxExpires);
        }
        userAgentUsers = List.copyOf(userAgentUsers);
        for (String user : userAgentUsers) {
            if (!user.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("not a plain user part: " + user);
            }
        }
    }
}
