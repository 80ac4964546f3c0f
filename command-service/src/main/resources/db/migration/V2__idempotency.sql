-- I7: one outcome per idempotency key and caller, written in the same transaction as the events.
CREATE TABLE idempotency_record (
    scope           VARCHAR(128)             NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    request_hash    CHAR(64)                 NOT NULL,
    status          INTEGER                  NOT NULL,
    response_body   TEXT                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at);
