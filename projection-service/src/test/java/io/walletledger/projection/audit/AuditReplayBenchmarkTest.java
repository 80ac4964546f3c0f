package io.walletledger.projection.audit;

import io.walletledger.account.AccountId;
import io.walletledger.account.AccountOpened;
import io.walletledger.account.AccountType;
import io.walletledger.account.FundsDeposited;
import io.walletledger.account.PaymentMethod;
import io.walletledger.account.TransferCredited;
import io.walletledger.account.TransferDebitConfirmed;
import io.walletledger.account.TransferDebited;
import io.walletledger.envelope.CloudEvent;
import io.walletledger.envelope.ChainingEncoder;
import io.walletledger.envelope.EventEnvelopeCodec;
import io.walletledger.envelope.LedgerEvent;
import io.walletledger.money.CurrencyCode;
import io.walletledger.money.Money;
import io.walletledger.testkit.KafkaEndpoint;
import io.walletledger.testkit.RealServices;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rerunnable benchmark of the audit's replay rate: a valid synthetic history (accounts opened, deposits,
 * transfers debited, credited and confirmed) published to its own topic, then audited from Kafka and,
 * for comparison, from memory (decoding, hash-chain checks and the replay, without the broker). Prints
 * and writes (target/audit-replay.txt) events/s; asserts only that the history passes. Size it with
 * -Dledger.bench.audit.events (default: a short smoke run). See docs/performance.md.
 */
@ExtendWith(RealServices.class)
class AuditReplayBenchmarkTest {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");

    @Test
    void measures_events_per_second_of_the_audit_replay(KafkaEndpoint kafka) throws Exception {
        int target = Integer.getInteger("ledger.bench.audit.events", 20_000);
        List<byte[]> history = history(target, Integer.getInteger("ledger.bench.audit.accounts", 10_000));
        String topic = TestTopics.create(kafka, "audit-bench", 12);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000), new StringSerializer(), new ByteArraySerializer())) {
            EventEnvelopeCodec codec = new EventEnvelopeCodec();
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(history.size());
            for (byte[] record : history) {
                sent.add(producer.send(new ProducerRecord<>(topic, codec.decode(record).subject(), record)));
            }
            for (java.util.concurrent.Future<?> send : sent) {
                send.get(); // a lost send would make the history incomplete, not the audit slow
            }
        }

        long fromMemory = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up
            Auditor auditor = new Auditor(null, null);
            long started = System.nanoTime();
            for (int from = 0; from < history.size(); from += 10_000) {
                List<byte[]> batch = history.subList(from, Math.min(history.size(), from + 10_000));
                auditor.acceptAll(batch, java.util.Collections.nCopies(batch.size(), "memory"));
            }
            AuditResult result = auditor.finish(System.nanoTime() - started);
            assertThat(result.violations()).isEmpty();
            fromMemory = Math.min(fromMemory, result.elapsedNanos());
        }
        Auditor auditor = new Auditor(null, null);
        long started = System.nanoTime();
        KafkaHistory kafkaHistory = new KafkaHistory(kafka.bootstrapServers(), topic);
        kafkaHistory.read(auditor::acceptAll);
        AuditResult fromKafka = auditor.finish(System.nanoTime() - started);
        long replayNanos = System.nanoTime() - kafkaHistory.firstRecordsAt;
        assertThat(fromKafka.violations()).isEmpty();
        assertThat(fromKafka.eventsApplied()).isEqualTo(history.size());

        String summary = String.format("audit replay of %,d events (%,d accounts): from Kafka %,d events/s "
                        + "(%,d ms, connecting included; %,d events/s from the first record on); from memory %,d events/s",
                history.size(), fromKafka.accounts().size(), fromKafka.eventsPerSecond(),
                fromKafka.elapsedNanos() / 1_000_000, history.size() * 1_000_000_000L / replayNanos,
                history.size() * 1_000_000_000L / fromMemory);
        System.out.println(summary);
        Files.writeString(Path.of("target", "audit-replay.txt"), summary + System.lineSeparator());
    }

    /** About {@code events} chained records of a valid history over {@code accounts} customer accounts. */
    static List<byte[]> history(int events, int accounts) {
        Random random = new Random(42);
        ChainingEncoder codec = new ChainingEncoder();
        Map<String, Long> sequences = new HashMap<>();
        long[] balances = new long[accounts];
        List<byte[]> records = new ArrayList<>(events + 8);
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        String run = UUID.randomUUID().toString().substring(0, 6);
        AccountId card = PaymentMethod.CARD.fundingAccount(EUR);
        for (int a = 0; a < accounts && records.size() < events; a++) {
            add(records, codec, sequences, new AccountOpened(id(run, a), "owner", AccountType.CUSTOMER, EUR, 3, t));
        }
        int n = 0;
        while (records.size() < events) {
            t = t.plusMillis(10);
            int a = random.nextInt(accounts);
            if (balances[a] < 1_000 || random.nextInt(4) == 0) {
                long amount = 1_000 + random.nextInt(50_000);
                balances[a] += amount;
                add(records, codec, sequences, new FundsDeposited(id(run, a), "dep-" + n++,
                        Money.of(amount, "EUR"), PaymentMethod.CARD, card, null, t));
            } else {
                int b = (a + 1 + random.nextInt(accounts - 1)) % accounts;
                long amount = 1 + random.nextInt((int) Math.min(balances[a], 10_000));
                balances[a] -= amount;
                balances[b] += amount;
                String transfer = "trf-" + run + "-" + n++;
                add(records, codec, sequences, new TransferDebited(id(run, a), transfer, Money.of(amount, "EUR"),
                        id(run, b), null, t));
                add(records, codec, sequences, new TransferCredited(id(run, b), transfer, Money.of(amount, "EUR"),
                        id(run, a), t));
                add(records, codec, sequences, new TransferDebitConfirmed(id(run, a), transfer,
                        Money.of(amount, "EUR"), t));
            }
        }
        return records;
    }

    private static AccountId id(String run, int a) {
        return AccountId.of("acc_bench_" + run + "_" + a);
    }

    private static void add(List<byte[]> records, ChainingEncoder codec, Map<String, Long> sequences,
                            LedgerEvent data) {
        long sequence = sequences.merge(data.aggregateId(), 1L, Long::sum) - 1;
        records.add(codec.encode(CloudEvent.of(UUID.randomUUID().toString(), sequence, data.occurredAt(), data)));
    }
}
