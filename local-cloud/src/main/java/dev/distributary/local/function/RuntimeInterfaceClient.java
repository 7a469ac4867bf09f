package dev.distributary.local.function;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * AWS's Runtime Interface Client (2.10.1) as a child JVM needs it: its jar and its runtime
 * dependencies, found on this JVM's class path, and its JNI library unpacked once so that
 * children started together do not overwrite one shared temporary file.
 */
final class RuntimeInterfaceClient {
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** One class from each jar the RIC needs at run time. */
    private static final List<String> ANCHORS = List.of(
            MAIN_CLASS,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal",
            "software.amazon.awssdk.annotations.SdkInternalApi");

    private final List<Path> classpath;
    private final Path jniLibrary;

    private RuntimeInterfaceClient(List<Path> classpath, Path jniLibrary) {
        this.classpath = classpath;
        this.jniLibrary = jniLibrary;
    }

    /** Locates the RIC's jars and unpacks its JNI library into {@code workDirectory}. */
    static RuntimeInterfaceClient locate(Path workDirectory) {
        Set<Path> jars = new LinkedHashSet<>();
        for (String anchor : ANCHORS) {
            jars.add(locationOf(anchor));
        }
        Path ricJar = locationOf(MAIN_CLASS);
        return new RuntimeInterfaceClient(List.copyOf(jars), unpackJni(ricJar, workDirectory.toAbsolutePath()));
    }

    List<Path> classpath() {
        return classpath;
    }

    Path jniLibrary() {
        return jniLibrary;
    }

    private static Path locationOf(String className) {
        try {
            Class<?> type = Class.forName(className, false, RuntimeInterfaceClient.class.getClassLoader());
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "the Lambda Runtime Interface Client is not on the class path (missing " + className
                            + "); local-cloud depends on com.amazonaws:aws-lambda-java-runtime-interface-client",
                    e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + className, e);
        }
    }

    private static Path unpackJni(Path ricJar, Path workDirectory) {
        String entryName = "jni/libaws-lambda-jni." + platform() + ".so";
        try (JarFile jar = new JarFile(ricJar.toFile())) {
            ZipEntry entry = jar.getEntry(entryName);
            if (entry == null) {
                throw new IllegalStateException("the Runtime Interface Client has no native library for this platform ("
                        + entryName + "); the local function host runs on Linux x86_64 and aarch64 only");
            }
            Files.createDirectories(workDirectory);
            Path target = workDirectory.resolve("libaws-lambda-jni.so");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Runtime Interface Client's JNI library", e);
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux")) {
            throw new IllegalStateException(
                    "the local function host needs Linux (AWS's Runtime Interface Client ships Linux libraries only); this is "
                            + System.getProperty("os.name"));
        }
        String arch = System.getProperty("os.arch");
        boolean musl =
                Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
        return (musl ? "linux_musl-" : "linux-") + cpu;
    }
}
