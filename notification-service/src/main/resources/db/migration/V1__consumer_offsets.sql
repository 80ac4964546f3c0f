-- Offsets of the event topic, committed with the rows they produced (webhook outbox rows, later).
CREATE TABLE consumer_offset (
    consumer_group VARCHAR(128) NOT NULL,
    topic          VARCHAR(255) NOT NULL,
    partition_no   INTEGER      NOT NULL,
    next_offset    BIGINT       NOT NULL,
    PRIMARY KEY (consumer_group, topic, partition_no)
);
