package dev.distributary.moto.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to moto server over loopback. The server starts once per test run
 * (or {@code AWS_ENDPOINT_URL} is used), its state is reset before each class, and test
 * methods, constructors and lifecycle methods may take {@link dev.distributary.moto.AwsClients}
 * or {@link dev.distributary.moto.MotoServer} parameters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MotoExtension.class)
@Tag("moto")
public @interface MotoTest {}
