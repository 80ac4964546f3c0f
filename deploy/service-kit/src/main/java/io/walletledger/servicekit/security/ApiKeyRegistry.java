package io.walletledger.servicekit.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.kafka.KafkaSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every API key of the deployment, in memory, read from {@code ledger.api-keys.v1} from the beginning
 * and then followed; plus the bootstrap admin key from configuration. A key revoked on the service
 * that revokes it is refused there at once, and by the others as soon as they read the record (a
 * poll: typically well under a second). Should the reader stop, only the admin key is accepted (fail
 * closed: a revocation could be missed otherwise) until the service restarts.
 */
@Context
public class ApiKeyRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyRegistry.class);
    static final String ADMIN_KEY_ID = "key_bootstrap_admin";

    private final SecuritySettings settings;
    private final KafkaSettings kafka;
    private final String service;
    private final Clock clock;
    private final Map<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();
    private final Map<String, Instant> usedRemotely = new ConcurrentHashMap<>();
    private final Map<String, Instant> usedHere = new ConcurrentHashMap<>();
    private byte[] adminHash;
    private ApiKeyLog log;

    public ApiKeyRegistry(SecuritySettings settings, KafkaSettings kafka,
                          @Value("${micronaut.application.name:service}") String service) {
        this.settings = settings;
        this.kafka = kafka;
        this.service = service;
        this.clock = Clock.systemUTC();
    }

    @PostConstruct
    void start() {
        settings.validate();
        adminHash = ApiKeyFormat.hash(settings.getAdminKey());
        log = new ApiKeyLog(kafka.getBootstrapServers(), settings, this);
        log.start();
    }

    @PreDestroy
    void stop() {
        if (log != null) {
            log.close();
        }
    }

    /** The caller a presented key stands for; 401 when it is unknown, malformed, revoked or of the other mode. */
    public Caller authenticate(String presented) {
        if (ApiKeyFormat.matches(adminHash, presented)) {
            return new Caller(ADMIN_KEY_ID, Role.ADMIN, null, Permission.of(Role.ADMIN, Set.of()));
        }
        ApiKeyFormat.Presented parsed = ApiKeyFormat.parse(presented).orElseThrow(() -> invalid("is not a Wallet Ledger API key"));
        if (!parsed.mode().equals(settings.getMode())) {
            throw invalid("is a " + parsed.mode() + " key; this deployment accepts only " + settings.getMode() + " keys");
        }
        if (!log.alive()) {
            // revocations no longer arrive: fail closed for every key but the admin's
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "keys_unavailable",
                    "the service cannot read the API keys at the moment; retry later");
        }
        ApiKeyRecord record = keys.get(parsed.id());
        if (record == null && !log.caughtUp()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "keys_loading",
                    "the service is still reading the API keys; retry in a second");
        }
        if (record == null || !ApiKeyFormat.matches(HexFormat.of().parseHex(record.sha256()), presented)) {
            throw invalid("is not a valid API key");
        }
        if (record.revoked()) {
            throw invalid("was revoked at " + record.revokedAt());
        }
        usedHere.put(record.id(), clock.instant());
        return new Caller(record.id(), record.role(), record.merchantAccountId(),
                Permission.of(record.role(), grants(record)));
    }

    /** Whether the key a caller authenticated with would still be accepted (for long-lived responses). */
    public boolean accepts(Caller caller) {
        if (ADMIN_KEY_ID.equals(caller.keyId())) {
            return true;
        }
        ApiKeyRecord record = keys.get(caller.keyId());
        return record != null && !record.revoked() && log.alive();
    }

    private static ProblemException invalid(String why) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid_api_key", "the presented key " + why);
    }

    private static Set<Permission> grants(ApiKeyRecord record) {
        Set<Permission> grants = EnumSet.noneOf(Permission.class);
        if (record.grants() != null) {
            record.grants().forEach(name -> Permission.of(name).ifPresent(grants::add));
        }
        return grants;
    }

    /** A newly issued key: its record, and the key itself, which exists nowhere else. */
    public record Issued(ApiKeyRecord record, String plaintext) {
    }

    /**
     * Mints a key of this deployment's mode and publishes its record; the key itself is only in the
     * result. The idempotency key and request fingerprint (both nullable) let a repeated request replay.
     */
    public Issued issue(Role role, String merchantAccountId, List<String> grants, String description,
                        String idempotencyKey, String fingerprint) {
        ApiKeyFormat.Minted minted = ApiKeyFormat.mint(settings.getMode());
        ApiKeyRecord record = ApiKeyRecord.of(minted, role, merchantAccountId, grants, description, clock.instant(),
                idempotencyKey, fingerprint);
        publish(record);
        return new Issued(record, minted.plaintext());
    }

    /** Publishes the key's revocation, effective here at once; a revoked key stays revoked. */
    public ApiKeyRecord revoke(ApiKeyRecord key) {
        if (key.revoked()) {
            return key;
        }
        ApiKeyRecord revoked = key.revokedAt(clock.instant());
        publish(revoked);
        return revoked;
    }

    /** Writes a key's state to the topic (acknowledged by the broker) and applies it here at once. */
    public void publish(ApiKeyRecord record) {
        log.write(ApiKeyTopic.keyOf(record), ApiKeyTopic.encode(record));
        keys.put(record.id(), record);
    }

    public Optional<ApiKeyRecord> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public Optional<ApiKeyRecord> findByIdempotencyKey(String idempotencyKey) {
        return keys.values().stream().filter(k -> idempotencyKey.equals(k.idempotencyKey())).findFirst();
    }

    public Collection<ApiKeyRecord> all() {
        return List.copyOf(keys.values());
    }

    /** When the key was last used, on this or (as last reported) any other service. */
    public Optional<Instant> lastUsedAt(String id) {
        Instant here = usedHere.get(id);
        Instant there = usedRemotely.get(id);
        return here == null ? Optional.ofNullable(there)
                : Optional.of(there == null || here.isAfter(there) ? here : there);
    }

    public String mode() {
        return settings.getMode();
    }

    public boolean caughtUp() {
        return log != null && log.caughtUp();
    }

    boolean readerAlive() {
        return log != null && log.alive();
    }

    void applyKey(ApiKeyRecord record) {
        keys.merge(record.id(), record, (old, now) -> old.revoked() && !now.revoked() ? old : now);
    }

    void applyUsage(ApiKeyTopic.Usage usage) {
        usedRemotely.merge(usage.id(), usage.lastUsedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The usages seen here since the last call, to report on the topic. */
    Map<String, Instant> drainUsage(Map<String, Instant> reported) {
        Map<String, Instant> fresh = usedHere.entrySet().stream()
                .filter(e -> !e.getValue().equals(reported.get(e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        reported.putAll(fresh);
        return fresh;
    }

    String service() {
        return service;
    }

    static Logger logger() {
        return LOG;
    }
}
