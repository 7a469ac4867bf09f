package dev.distributary.local.internal.iam;

/**
 * IAM's wildcards: {@code *} matches any run of characters (none included), {@code ?} any one
 * character; everything else matches itself.
 */
final class Wildcard {
    private Wildcard() {}

    static boolean matches(String pattern, String text, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
        String t = ignoreCase ? text.toLowerCase(java.util.Locale.ROOT) : text;
        int pi = 0;
        int ti = 0;
        int star = -1;
        int resume = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                resume = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++resume;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /**
     * A policy's Resource against a request's ARN: {@code *} alone matches every resource;
     * otherwise the partition, service, region and account segments match one by one, and the
     * resource part (everything after the fifth colon, slashes and colons included) as a whole.
     * Case-sensitive, as AWS compares resources.
     */
    static boolean matchesArn(String pattern, String arn) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] wanted = pattern.split(":", 6);
        String[] actual = arn.split(":", 6);
        if (wanted.length != 6 || actual.length != 6) {
            return matches(pattern, arn, false);
        }
        for (int i = 0; i < 6; i++) {
            if (!matches(wanted[i], actual[i], false)) {
                return false;
            }
        }
        return true;
    }
}
