package dev.distributary.moto.junit;

import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts moto once per run, resets it before each test class, and resolves client parameters. See {@link MotoTest}. */
public final class MotoExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        session(context).server().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AwsClients.class || type == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = session(context);
        return parameter.getParameter().getType() == AwsClients.class ? session.clients() : session.server();
    }

    private static Session session(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Session.class, type -> Session.open(), Session.class);
    }

    /** The run's server and clients; JUnit closes it when the run ends. */
    record Session(MotoServer server, AwsClients clients) implements AutoCloseable {
        static Session open() {
            MotoServer server = MotoServer.startOrConnect();
            return new Session(server, new AwsClients(server.endpoint()));
        }

        @Override
        public void close() {
            clients.close();
            server.close();
        }
    }
}
