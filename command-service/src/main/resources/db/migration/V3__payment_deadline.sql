-- Durable deadlines of payments: the next moment a payment is due to expire (an unauthorized request,
-- or an uncaptured hold). Written in the same transaction as the payment's events; polled by the
-- deadline scheduler, so deadlines survive restarts.
CREATE TABLE payment_deadline (
    payment_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    due_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_deadline_due ON payment_deadline (due_at);
