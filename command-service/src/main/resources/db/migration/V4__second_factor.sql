-- TOTP second factors. The secret is stored only here, encrypted (AES-GCM, key id kept for rotation);
-- the event history only records that a factor was enrolled.
CREATE TABLE second_factor (
    account_id        VARCHAR(64)              NOT NULL PRIMARY KEY,
    secret_ciphertext VARCHAR(512)             NOT NULL,
    key_id            VARCHAR(64)              NOT NULL,
    enrolled_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    failures          INTEGER                  NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE,
    last_used_step    BIGINT                   NOT NULL
);
