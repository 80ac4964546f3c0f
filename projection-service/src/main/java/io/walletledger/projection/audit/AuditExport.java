package io.walletledger.projection.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.walletledger.envelope.LedgerJson;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Balances and statements as of the audit's instant, for regulators: {@code balances.csv},
 * {@code balances.jsonl}, {@code statements.csv}, {@code statements.jsonl} (RFC 4180 CSV, UTF-8).
 */
final class AuditExport {

    private static final ObjectMapper JSON = LedgerJson.newObjectMapper();
    private static final List<String> BALANCE_COLUMNS = List.of("accountId", "type", "currency", "status", "balance",
            "held", "available", "asOf");
    private static final List<String> LINE_COLUMNS = List.of("accountId", "lineNo", "at", "type", "amount", "currency",
            "balanceAfter", "heldAfter", "counterpartyId", "paymentId", "transferId", "reference", "eventId");

    private AuditExport() {
    }

    static void write(Path dir, AuditResult result, List<LedgerReplay.Line> lines) throws IOException {
        Files.createDirectories(dir);
        List<Map<String, Object>> balances = new ArrayList<>();
        result.accounts().values().stream().sorted(Comparator.comparing(a -> a.id)).forEach(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("accountId", a.id);
            row.put("type", a.type == null ? "UNKNOWN" : a.type.name());
            row.put("currency", a.currency);
            row.put("status", a.status.name());
            row.put("balance", a.balance);
            row.put("held", a.held);
            row.put("available", a.balance - a.held);
            row.put("asOf", result.asOf() == null ? null : result.asOf().toString());
            balances.add(row);
        });
        List<Map<String, Object>> statement = new ArrayList<>();
        lines.stream().sorted(Comparator.comparing(LedgerReplay.Line::accountId)
                .thenComparingLong(LedgerReplay.Line::lineNo)).forEach(l -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("accountId", l.accountId());
            row.put("lineNo", l.lineNo());
            row.put("at", l.at() == null ? null : l.at().toString());
            row.put("type", l.type());
            row.put("amount", l.amount());
            row.put("currency", l.currency());
            row.put("balanceAfter", l.balanceAfter());
            row.put("heldAfter", l.heldAfter());
            row.put("counterpartyId", l.counterpartyId());
            row.put("paymentId", l.paymentId());
            row.put("transferId", l.transferId());
            row.put("reference", l.reference());
            row.put("eventId", l.eventId());
            statement.add(row);
        });
        table(dir.resolve("balances"), BALANCE_COLUMNS, balances);
        table(dir.resolve("statements"), LINE_COLUMNS, statement);
    }

    private static void table(Path base, List<String> columns, List<Map<String, Object>> rows) throws IOException {
        try (BufferedWriter csv = Files.newBufferedWriter(Path.of(base + ".csv"));
             BufferedWriter jsonl = Files.newBufferedWriter(Path.of(base + ".jsonl"))) {
            csv.write(String.join(",", columns));
            csv.write("\r\n");
            for (Map<String, Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String column : columns) {
                    cells.add(csvCell(row.get(column)));
                }
                csv.write(String.join(",", cells));
                csv.write("\r\n");
                jsonl.write(JSON.writeValueAsString(row));
                jsonl.write("\n");
            }
        }
    }

    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
