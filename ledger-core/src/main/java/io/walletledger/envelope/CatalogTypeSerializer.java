package io.walletledger.envelope;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, storing catalog events under their contract type name
 * ({@code account.opened}) instead of a Java class name, so refactoring a package never breaks
 * the stored history. Anything outside the catalog (tokens, sagas, deadlines) keeps class names.
 */
public final class CatalogTypeSerializer extends JacksonSerializer {

    private CatalogTypeSerializer(Builder builder) {
        super(builder);
    }

    public static CatalogTypeSerializer create() {
        return new CatalogTypeSerializer(JacksonSerializer.builder().objectMapper(LedgerJson.newObjectMapper()));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType byClass = super.typeForClass(type);
        return EventCatalog.typeOf(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, byClass.getRevision()))
                .orElse(byClass);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventCatalog.classOf(serializedType.getName())
                .map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
