package dev.distributary.local.internal.iam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The credentials a local function calls AWS with, standing for its execution role: an access key
 * ID of its own (derived from the function's name and region, so runs repeat), by which the
 * emulator proxy knows whose policy judges a call.
 *
 * @param accessKeyId     what the function signs with
 * @param secretAccessKey any secret: the emulator checks no signature
 * @param function        the function's name
 * @param region          its region
 * @param roleArn         the role the function assumes, as a deployed stack names it
 */
public record LocalIdentity(
        String accessKeyId, String secretAccessKey, String function, String region, String roleArn) {
    public LocalIdentity {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(roleArn, "roleArn");
    }

    /** The identity of a function with that role in an account; the same inputs give the same key. */
    public static LocalIdentity of(String function, String region, String roleName, String account) {
        String digest;
        try {
            digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((region + "/" + function).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        return new LocalIdentity(
                "ASIA" + digest.substring(0, 16).toUpperCase(Locale.ROOT),
                "local-" + digest.substring(16, 32),
                function,
                region,
                "arn:aws:iam::" + account + ":role/" + roleName);
    }

    /** The principal AWS names in an access-denied message: the role's session, named after the function. */
    public String principalArn() {
        String account = roleArn.split(":", -1)[4];
        String role = roleArn.substring(roleArn.indexOf(":role/") + ":role/".length());
        return "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + function;
    }
}
