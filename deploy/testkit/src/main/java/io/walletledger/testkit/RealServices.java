package io.walletledger.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a real Kafka broker ({@link KafkaEndpoint}, one per test run) and a real PostgreSQL
 * database ({@link PostgresDatabase}, a fresh one per test class), as parameters of
 * {@code @BeforeAll}, {@code @BeforeEach} or test methods. A missing service fails the test run;
 * nothing is ever skipped.
 */
public final class RealServices implements ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealServices.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaEndpoint.class || type == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == KafkaEndpoint.class) {
            return kafka(context);
        }
        if (type == PostgresDatabase.class) {
            return database(context);
        }
        throw new ParameterResolutionException("unsupported parameter " + type);
    }

    public static KafkaEndpoint kafka(ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(KafkaProvider.class, k -> KafkaProvider.resolve(), KafkaProvider.class)
                .endpoint();
    }

    /** One database per test class, dropped when the class is done. */
    public static PostgresDatabase database(ExtensionContext context) {
        PostgresProvider server = context.getRoot().getStore(NS)
                .getOrComputeIfAbsent(PostgresProvider.class, k -> PostgresProvider.resolve(), PostgresProvider.class);
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        String hint = classContext.getTestClass().map(Class::getSimpleName).orElse("db");
        return classContext.getStore(NS)
                .getOrComputeIfAbsent(PostgresDatabase.class, k -> new DroppedOnClose(server, server.newDatabase(hint)),
                        DroppedOnClose.class)
                .database();
    }

    private record DroppedOnClose(PostgresProvider server, PostgresDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            server.drop(database);
        }
    }
}
