package io.walletledger.projection.query;

import io.walletledger.servicekit.http.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Time query parameters ({@code from}, {@code to}, {@code at}): an ISO-8601 instant with offset, or a
 * date meaning the start of that day in the requested time zone (default UTC).
 */
public final class TimeParameters {

    private TimeParameters() {
    }

    public static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ProblemException.validation("timeZone: unknown time zone '" + value + "' (use an IANA id like Europe/Paris)");
        }
    }

    public static Instant instant(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw ProblemException.validation(name + ": required (an ISO-8601 date or instant)");
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(name + ": '" + value
                    + "' is neither an ISO-8601 date (2026-11-25) nor an instant with offset (2026-11-25T10:00:00Z)");
        }
    }
}
