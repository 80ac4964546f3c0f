package io.walletledger.projection.audit;

import java.util.List;

/** One breach of an invariant, with the events that prove it. */
public record Violation(Kind kind, String invariant, String aggregateId, List<String> eventIds, String detail) {

    /** What the auditor found, and which invariant of DESIGN.md it breaks. */
    public enum Kind {
        TAMPERED_EVENT("I8", "an event's content does not match its chainhash"),
        CHAIN_BROKEN("I8", "an event's prevchainhash is not its predecessor's chainhash"),
        CHAIN_MISSING("I8", "an event carries no hash chain"),
        MISSING_EVENT("I8", "a sequence number of an aggregate never appeared"),
        OUT_OF_ORDER("I8", "an event appeared after a later event of its aggregate"),
        DUPLICATE_EVENT("I8", "an event id or a sequence number appeared twice with different content"),
        UNREADABLE_RECORD("I8", "a record on the topic is not an event of the catalog"),
        UNBALANCED_MOVEMENT("I1", "money credited or returned that was never debited"),
        CONSERVATION("I1", "balances plus money in flight do not sum to zero"),
        OVERDRAFT("I2", "a CUSTOMER or MERCHANT account's available balance went below zero"),
        HOLD("I3", "a hold ended twice, ended unplaced, was placed twice or ended with another amount"),
        PAYMENT_BOUNDS("I4", "captured above authorized or refunded above captured"),
        CURRENCY("I5", "a movement in another currency than its account's"),
        ACCOUNT_STATUS("I6", "a debit on a frozen or closed account, a credit on a closed one, or a close with money left"),
        AMOUNT_LIMIT("I9", "an amount not positive or above 10^15 minor units");

        private final String invariant;
        private final String meaning;

        Kind(String invariant, String meaning) {
            this.invariant = invariant;
            this.meaning = meaning;
        }

        public String invariant() {
            return invariant;
        }

        public String meaning() {
            return meaning;
        }
    }

    static Violation of(Kind kind, String aggregateId, List<String> eventIds, String detail) {
        return new Violation(kind, kind.invariant(), aggregateId, List.copyOf(eventIds), detail);
    }
}
