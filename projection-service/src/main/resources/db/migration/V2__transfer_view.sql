-- One row per P2P transfer. Its legs live on two account streams (two partitions), so the row may be
-- created by whichever leg arrives first; status: PENDING (money in flight), COMPLETED, REVERSED.
CREATE TABLE transfer_view (
    transfer_id            VARCHAR(64)              NOT NULL PRIMARY KEY,
    source_account_id      VARCHAR(64)              NOT NULL,
    destination_account_id VARCHAR(64)              NOT NULL,
    amount                 BIGINT                   NOT NULL,
    currency               CHAR(3)                  NOT NULL,
    description            VARCHAR(256),
    status                 VARCHAR(16)              NOT NULL,
    failure_reason         VARCHAR(32),
    created_at             TIMESTAMP WITH TIME ZONE,
    finished_at            TIMESTAMP WITH TIME ZONE
);
