package io.walletledger.projection.dashboard;

import io.walletledger.projection.query.TimeParameters;
import io.walletledger.servicekit.http.ProblemException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/** The dashboard's query: the zone that decides what "today" is, and how many local days the period spans. */
record DashboardParameters(ZoneId zone, int days) {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 90;

    static DashboardParameters parse(String timeZone, String days) {
        return new DashboardParameters(TimeParameters.zone(timeZone), days(days));
    }

    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DAYS;
        }
        // digits only: Integer.parseInt would also take " 7" after a trim, "+7" and "٧" (an Arabic-Indic seven)
        if (!value.matches("[0-9]{1,9}")) {
            throw ProblemException.validation("days: '" + value + "' is not a whole number (1 to " + MAX_DAYS + ")");
        }
        int days = Integer.parseInt(value);
        if (days < 1 || days > MAX_DAYS) {
            throw ProblemException.validation("days: must be from 1 to " + MAX_DAYS + ", was " + days);
        }
        return days;
    }

    /** "1 day", "7 days": the period as headings say it. */
    static String period(int days) {
        return days == 1 ? "1 day" : days + " days";
    }

    /** The same query again, for the live refresh of the panel. */
    String query() {
        return "timeZone=" + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8) + "&days=" + days;
    }
}
