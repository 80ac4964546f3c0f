-- Last sequence applied per aggregate and consumer group: duplicates are skipped, and read-your-writes
-- waits on it ("has this read model applied acc_1@3?").
CREATE TABLE applied_version (
    consumer_group VARCHAR(128) NOT NULL,
    aggregate_id   VARCHAR(255) NOT NULL,
    sequence_no    BIGINT       NOT NULL,
    PRIMARY KEY (consumer_group, aggregate_id)
);

ALTER TABLE account_view ADD COLUMN line_count BIGINT DEFAULT 0 NOT NULL;

-- Every change of an account's balance or held amount, in the order applied: the statement (lines
-- with amount <> 0) and the point-in-time balance (balance_after / held_after of the last line at or
-- before an instant). line_no counts per account from 1.
CREATE TABLE account_posting (
    account_id      VARCHAR(64)              NOT NULL,
    line_no         BIGINT                   NOT NULL,
    event_id        VARCHAR(64)              NOT NULL,
    type            VARCHAR(32)              NOT NULL,
    amount          BIGINT                   NOT NULL,
    held_change     BIGINT                   NOT NULL,
    balance_after   BIGINT                   NOT NULL,
    held_after      BIGINT                   NOT NULL,
    currency        CHAR(3)                  NOT NULL,
    counterparty_id VARCHAR(64),
    payment_id      VARCHAR(64),
    transfer_id     VARCHAR(64),
    reference       VARCHAR(256),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, line_no)
);
CREATE INDEX account_posting_time ON account_posting (account_id, occurred_at);

-- One row per payment; the fee arrives with the merchant's credit (another stream), so the row may be
-- created by either side.
CREATE TABLE payment_view (
    payment_id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    merchant_account_id VARCHAR(64),
    payer_account_id    VARCHAR(64),
    card_reference      VARCHAR(128),
    funding_source      VARCHAR(16),
    status              VARCHAR(32),
    currency            CHAR(3),
    amount              BIGINT,
    authorized          BIGINT                   NOT NULL,
    captured            BIGINT                   NOT NULL,
    refunded            BIGINT                   NOT NULL,
    fee                 BIGINT                   NOT NULL,
    capture_method      VARCHAR(16),
    order_reference     VARCHAR(128),
    description         VARCHAR(256),
    expires_at          TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL
);
CREATE INDEX payment_view_merchant ON payment_view (merchant_account_id, created_at);

CREATE TABLE payment_timeline (
    payment_id  VARCHAR(64)              NOT NULL,
    event_id    VARCHAR(64)              NOT NULL,
    type        VARCHAR(64)              NOT NULL,
    amount      BIGINT,
    detail      VARCHAR(256),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (payment_id, event_id)
);

-- Who paid and how, per payment, for unique payers and the payment-method breakdown.
CREATE TABLE sales_payment (
    payment_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    merchant_account_id VARCHAR(64)  NOT NULL,
    payer_key           VARCHAR(160) NOT NULL,
    method              VARCHAR(16)  NOT NULL
);

-- Sales facts: CAPTURE (gross), REFUND, FEE, one per event; buckets are summed at query time in the
-- caller's time zone.
CREATE TABLE sales_entry (
    event_id            VARCHAR(64)              NOT NULL,
    kind                VARCHAR(8)               NOT NULL,
    merchant_account_id VARCHAR(64)              NOT NULL,
    payment_id          VARCHAR(64)              NOT NULL,
    currency            CHAR(3)                  NOT NULL,
    amount              BIGINT                   NOT NULL,
    occurred_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, kind)
);
CREATE INDEX sales_entry_merchant_time ON sales_entry (merchant_account_id, occurred_at);

-- Views changed since they were last published to their compacted topic; revision tells the publisher
-- whether the row changed again while it was publishing.
CREATE TABLE view_change (
    view_name VARCHAR(32)  NOT NULL,
    view_key  VARCHAR(160) NOT NULL,
    revision  BIGINT       NOT NULL,
    PRIMARY KEY (view_name, view_key)
);
