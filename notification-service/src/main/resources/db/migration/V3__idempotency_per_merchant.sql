-- A registration's Idempotency-Key is scoped to the merchant it registers for ("create:<merchant>:<key>"):
-- two merchants choosing the same key must not collide. 7 + 64 + 1 + 255 characters need more room.
ALTER TABLE webhook_idempotency ALTER COLUMN scope_key SET DATA TYPE VARCHAR(400);
