package io.walletledger.loadgen.setup;

import io.walletledger.loadgen.command.ApiKeys;

import java.util.List;

/**
 * The accounts and keys a benchmark works with. The first merchant is the hot merchant and the one with the
 * webhook endpoint; the hot payer is a customer of its own, funded for many small payments.
 */
public record Population(List<String> customers, List<String> merchants, String hotPayer, ApiKeys serviceKeys,
                         String webhookEndpointId) {

    public String hotMerchant() {
        return merchants.getFirst();
    }

    public String webhookMerchant() {
        return merchants.getFirst();
    }
}
