package io.walletledger.e2e.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The campaign's load: wallet users as upstream services see them. Each client owns a few
 * CUSTOMER accounts and works on them one operation at a time (deposits, transfers between its
 * own accounts, payments to the shared merchants with automatic capture, partial refunds, and
 * now and then a transfer larger than the balance, refused with {@code insufficient_funds}).
 * The expected balance of every account is kept from the answers alone: an accepted operation
 * moves its money once, a refused one moves nothing. After the campaign the ledger must show
 * exactly these balances.
 */
final class Wallets {

    static final String CURRENCY = "EUR";
    /** Every merchant's fee schedule, so that the expected fee of a capture is known. */
    static final long FEE_BASIS_POINTS = 150;
    static final long FEE_FIXED = 25;
    private static final long OPENING_DEPOSIT = 500_000;

    /** The expected balance of every account the campaign opened (and the fee account). */
    final Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
    final List<String> merchants = new ArrayList<>();
    final AtomicLong fees = new AtomicLong();
    final AtomicLong operations = new AtomicLong();
    private final Upstream upstream;
    private final AtomicBoolean running = new AtomicBoolean(true);

    Wallets(Upstream upstream) {
        this.upstream = upstream;
    }

    static long fee(long captured) {
        long proportional = (captured * FEE_BASIS_POINTS * 2 + 10_000) / 20_000; // round half up
        return Math.min(captured, proportional + FEE_FIXED);
    }

    String openAccount(String owner, String type, boolean fund) throws InterruptedException {
        String fee = type.equals("MERCHANT")
                ? ",\"fee\":{\"basisPoints\":" + FEE_BASIS_POINTS + ",\"fixedAmount\":" + FEE_FIXED + "}" : "";
        Upstream.Answer opened = upstream.send("/v1/accounts", "{\"ownerId\":\"" + owner + "\",\"type\":\"" + type
                + "\",\"currency\":\"" + CURRENCY + "\",\"kycTier\":3" + fee + "}");
        require(opened, "open " + owner);
        expected.put(opened.id(), new AtomicLong());
        if (fund) {
            deposit(opened.id(), OPENING_DEPOSIT);
        }
        return opened.id();
    }

    /** Opens the merchants; they are funded (for refunds) by {@link #fundMerchants()}, once their endpoints exist. */
    void openMerchants(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            merchants.add(openAccount("fault-shop-" + i, "MERCHANT", false));
        }
    }

    void fundMerchants() throws InterruptedException {
        for (String merchant : merchants) {
            deposit(merchant, OPENING_DEPOSIT);
        }
    }

    /** A deposit; returns its answer (accepted or refused). */
    Upstream.Answer deposit(String account, long amount) throws InterruptedException {
        Upstream.Answer answer = upstream.send("/v1/deposits", "{\"accountId\":\"" + account + "\",\"amount\":" + amount
                + ",\"currency\":\"" + CURRENCY + "\",\"method\":\"BANK_TRANSFER\"}");
        if (answer.accepted()) {
            expected.get(account).addAndGet(amount);
        }
        operations.incrementAndGet();
        return answer;
    }

    void stop() {
        running.set(false);
    }

    /** One client: opens its accounts, then works until {@link #stop()}. */
    void client(int number, long seed) throws InterruptedException {
        Random random = new Random(seed);
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            own.add(openAccount("fault-client-" + number + "-" + i, "CUSTOMER", true));
        }
        List<String[]> captured = new ArrayList<>(); // payment id, payer, merchant, refundable
        while (running.get()) {
            int dice = random.nextInt(100);
            String account = own.get(random.nextInt(own.size()));
            if (dice < 20) {
                deposit(account, 100 + random.nextInt(5_000));
            } else if (dice < 45) {
                String destination = own.get((own.indexOf(account) + 1 + random.nextInt(own.size() - 1)) % own.size());
                boolean tooMuch = dice < 25;
                long amount = tooMuch ? expected.get(account).get() + 1 + random.nextInt(1_000) : 1 + random.nextInt(3_000);
                transfer(account, destination, amount);
            } else if (dice < 90 || captured.isEmpty()) {
                pay(account, merchants.get(random.nextInt(merchants.size())), 100 + random.nextInt(8_000), captured);
            } else {
                refund(captured.get(random.nextInt(captured.size())), random);
            }
        }
    }

    private void transfer(String source, String destination, long amount) throws InterruptedException {
        Upstream.Answer answer = upstream.send("/v1/transfers", "{\"sourceAccountId\":\"" + source
                + "\",\"destinationAccountId\":\"" + destination + "\",\"amount\":" + amount + ",\"currency\":\""
                + CURRENCY + "\"}");
        if (answer.accepted()) {
            expected.get(source).addAndGet(-amount);
            expected.get(destination).addAndGet(amount);
        }
        operations.incrementAndGet();
    }

    private void pay(String payer, String merchant, long amount, List<String[]> captured) throws InterruptedException {
        Upstream.Answer requested = upstream.send("/v1/payments", "{\"merchantAccountId\":\"" + merchant
                + "\",\"amount\":" + amount + ",\"currency\":\"" + CURRENCY
                + "\",\"orderReference\":\"fault-order\",\"captureMethod\":\"AUTOMATIC\"}");
        operations.incrementAndGet();
        if (!requested.accepted()) {
            return;
        }
        Upstream.Answer authorized = upstream.send("/v1/payments/" + requested.id() + "/authorize",
                "{\"payerAccountId\":\"" + payer + "\"}");
        operations.incrementAndGet();
        if (authorized.accepted()) {
            long fee = fee(amount);
            expected.get(payer).addAndGet(-amount);
            expected.get(merchant).addAndGet(amount - fee);
            fees.addAndGet(fee);
            captured.add(new String[] {requested.id(), payer, merchant, Long.toString(amount)});
        }
    }

    private void refund(String[] payment, Random random) throws InterruptedException {
        long refundable = Long.parseLong(payment[3]);
        if (refundable == 0) {
            return;
        }
        long amount = 1 + random.nextLong(refundable);
        Upstream.Answer answer = upstream.send("/v1/payments/" + payment[0] + "/refunds", "{\"amount\":" + amount
                + ",\"currency\":\"" + CURRENCY + "\"}");
        operations.incrementAndGet();
        if (answer.accepted()) {
            expected.get(payment[2]).addAndGet(-amount);
            expected.get(payment[1]).addAndGet(amount);
            payment[3] = Long.toString(refundable - amount);
        }
    }

    private static void require(Upstream.Answer answer, String what) {
        if (!answer.accepted()) {
            throw new IllegalStateException(what + " refused: " + answer.status() + " " + answer.body());
        }
    }
}
