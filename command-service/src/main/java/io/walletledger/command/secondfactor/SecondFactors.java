package io.walletledger.command.secondfactor;

import io.walletledger.servicekit.secrets.SecretBox;
import io.micronaut.http.HttpStatus;
import io.walletledger.account.AccountId;
import io.walletledger.account.EnrollSecondFactor;
import io.walletledger.command.config.JdbcTransactionManager;
import io.walletledger.servicekit.http.ProblemException;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.gateway.CommandGateway;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TOTP second factors: enrollment (the secret is shown once, as an otpauth URI, and stored only
 * encrypted) and verification with replay protection and a brute-force lockout. Wrong codes are
 * counted on their own connection, so the count survives the refusal's rollback.
 */
@Singleton
public class SecondFactors {

    private final JdbcTransactionManager transactions;
    private final DataSource dataSource;
    private final SecretBox box;
    private final CommandGateway commands;
    private final SecondFactorSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecondFactors(JdbcTransactionManager transactions, DataSource dataSource, SecretBox box,
                         CommandGateway commands, SecondFactorSettings settings, Clock clock) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.box = box;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    /** Enrolls inside the caller's transaction; returns the otpauth URI to show once. */
    public String enroll(AccountId account) {
        Instant now = clock.instant();
        commands.sendAndWait(new EnrollSecondFactor(account, now));
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        SecretBox.Sealed sealed = box.seal(secret);
        try (Connection c = transactions.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO second_factor (account_id, secret_ciphertext, key_id, enrolled_at, failures, last_used_step)
                VALUES (?, ?, ?, ?, 0, -1)""")) {
            insert.setString(1, account.value());
            insert.setString(2, sealed.ciphertext());
            insert.setString(3, sealed.keyId());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store second factor", e);
        }
        String label = URLEncoder.encode(settings.getIssuer() + ":" + account.value(), StandardCharsets.UTF_8);
        return "otpauth://totp/" + label + "?secret=" + Totp.base32(secret) + "&issuer="
                + URLEncoder.encode(settings.getIssuer(), StandardCharsets.UTF_8)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private record Enrollment(SecretBox.Sealed sealed, int failures, Instant lockedUntil, long lastUsedStep) {
    }

    /**
     * True when the account has a factor and the code is right (consumed: it cannot be used again);
     * false when the account has no factor. A wrong code or a locked factor is a refusal.
     */
    public boolean verify(AccountId account, String code) {
        Instant now = clock.instant();
        Optional<Enrollment> enrollment = load(account);
        if (enrollment.isEmpty()) {
            return false;
        }
        Enrollment e = enrollment.get();
        if (e.lockedUntil() != null && now.isBefore(e.lockedUntil())) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "second_factor_locked",
                    "too many wrong second-factor codes; authorizations are locked until " + e.lockedUntil());
        }
        if (code == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(box.open(e.sealed()), code, now);
        if (step.isEmpty() || step.getAsLong() <= e.lastUsedStep()) {
            countFailure(account, e, now);
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "second_factor_invalid",
                    "the second-factor code is wrong, expired or already used");
        }
        markUsed(account, step.getAsLong());
        return true;
    }

    private Optional<Enrollment> load(AccountId account) {
        try (Connection c = transactions.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT secret_ciphertext, key_id, failures, locked_until, last_used_step FROM second_factor WHERE account_id = ?")) {
            select.setString(1, account.value());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp locked = rs.getTimestamp(4);
                return Optional.of(new Enrollment(new SecretBox.Sealed(rs.getString(2), rs.getString(1)), rs.getInt(3),
                        locked == null ? null : locked.toInstant(), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read second factor", e);
        }
    }

    /** On a connection of its own: the refusal rolls back the request, not the count. */
    private void countFailure(AccountId account, Enrollment e, Instant now) {
        int failures = e.failures() + 1;
        boolean lock = failures >= settings.getMaxFailures();
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE second_factor SET failures = ?, locked_until = ? WHERE account_id = ?")) {
            update.setInt(1, lock ? 0 : failures);
            update.setTimestamp(2, lock ? Timestamp.from(now.plus(settings.getLockout())) : null);
            update.setString(3, account.value());
            update.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot count a second-factor failure", ex);
        }
    }

    private void markUsed(AccountId account, long step) {
        try (Connection c = transactions.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE second_factor SET failures = 0, locked_until = NULL, last_used_step = ? WHERE account_id = ?")) {
            update.setLong(1, step);
            update.setString(2, account.value());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update second factor", e);
        }
    }
}
