-- Offsets of the event topic, committed with the rows they produced (exactly-once effects).
CREATE TABLE consumer_offset (
    consumer_group VARCHAR(128) NOT NULL,
    topic          VARCHAR(255) NOT NULL,
    partition_no   INTEGER      NOT NULL,
    next_offset    BIGINT       NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition_no)
);

-- One row per account. version = sequence of the last event of the account's own stream applied
-- (-1 for SYSTEM accounts, which have no stream: their balance is the sum of their postings).
CREATE TABLE account_view (
    account_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(128),
    type       VARCHAR(16)              NOT NULL,
    currency   CHAR(3)                  NOT NULL,
    balance    BIGINT                   NOT NULL,
    held       BIGINT                   NOT NULL,
    status     VARCHAR(16)              NOT NULL,
    kyc_tier   INTEGER,
    version    BIGINT                   NOT NULL,
    opened_at  TIMESTAMP WITH TIME ZONE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
