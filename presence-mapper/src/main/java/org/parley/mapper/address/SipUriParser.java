package org.parley.mapper.address;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.mapper.MappingResult;

/**
 * Reads the parts of a SIP or SIPS URI that make up a user's address (RFC 3261 §19.1.1, §25.1): scheme, user,
 * host and the {@code gr} parameter (RFC 5627 §3.1). Splits at the first {@code @} as RFC 7247 §6.4 says; the
 * user part may not contain an unencoded {@code @} or {@code :}, so that {@code @} is the userinfo delimiter.
 */
final class SipUriParser {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");

    private SipUriParser() {
    }

    static MappingResult<SipAddress> parse(String uri) {
        int colon = uri.indexOf(':');
        if (colon <= 0 || !SCHEME.matcher(uri.substring(0, colon)).matches()) {
            return malformed(uri, "not a URI");
        }
        String schemeName = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        SipScheme scheme;
        if (schemeName.equals("sip")) {
            scheme = SipScheme.SIP;
        } else if (schemeName.equals("sips")) {
            scheme = SipScheme.SIPS;
        } else {
            return MappingResult.rejected(AddressProblem.UNSUPPORTED_SCHEME.reject(
                    "URI scheme '" + schemeName + "' is not supported: " + uri));
        }
        String rest = uri.substring(colon + 1);
        int at = rest.indexOf('@');
        if (at < 0) {
            return rest.isEmpty()
                    ? malformed(uri, "no host")
                    : MappingResult.rejected(AddressProblem.NO_USER.reject("SIP URI has no user part: " + uri));
        }
        String userinfo = rest.substring(0, at);
        if (userinfo.isEmpty()) {
            return malformed(uri, "empty user part");
        }
        if (userinfo.indexOf(':') >= 0) {
            return malformed(uri, "a password in the URI is not supported");
        }
        Optional<String> user = PercentEncoding.decode(userinfo, PercentEncoding.SIP_USER);
        if (user.isEmpty()) {
            return malformed(uri, "user part is not RFC 3261 'user' of percent-encoded UTF-8");
        }
        return parseHostAndParameters(uri, rest.substring(at + 1))
                .map(hostAndGruu -> new SipAddress(scheme, user.get(), hostAndGruu.host(), hostAndGruu.gruu()));
    }

    private record HostAndGruu(String host, Optional<String> gruu) { }

    private static MappingResult<HostAndGruu> parseHostAndParameters(String uri, String afterAt) {
        int question = afterAt.indexOf('?');
        String[] segments = (question < 0 ? afterAt : afterAt.substring(0, question)).split(";", -1);
        String hostport = segments[0];
        int portColon = hostport.startsWith("[") ? -1 : hostport.indexOf(':');
        String host = portColon < 0 ? hostport : hostport.substring(0, portColon);
        if (portColon >= 0 && !PORT.matcher(hostport.substring(portColon + 1)).matches()) {
            return malformed(uri, "bad port");
        }
        if (!host.chars().allMatch(c -> c < 0x80)) {
            return malformed(uri, "host must be ASCII");
        }
        Optional<String> gruu = Optional.empty();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            int eq = segment.indexOf('=');
            String name = eq < 0 ? segment : segment.substring(0, eq);
            if (!TOKEN.matcher(name).matches()) {
                return malformed(uri, "bad URI parameter '" + segment + "'");
            }
            if (!name.equalsIgnoreCase("gr")) {
                continue;
            }
            if (gruu.isPresent()) {
                return malformed(uri, "more than one gr parameter");
            }
            if (eq < 0) {
                return MappingResult.rejected(AddressProblem.TEMPORARY_GRUU.reject(
                        "temporary GRUUs are not mapped: " + uri));
            }
            gruu = PercentEncoding.decode(segment.substring(eq + 1), PercentEncoding.SIP_PARAM)
                    .filter(value -> !value.isEmpty());
            if (gruu.isEmpty()) {
                return malformed(uri, "bad gr parameter value");
            }
        }
        Optional<String> gr = gruu;
        return DomainNames.normalize(host).map(normalised -> new HostAndGruu(normalised, gr));
    }

    private static <T> MappingResult<T> malformed(String uri, String why) {
        return MappingResult.rejected(AddressProblem.MALFORMED.reject("SIP URI '" + uri + "': " + why));
    }
}
