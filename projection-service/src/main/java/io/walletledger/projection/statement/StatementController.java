package io.walletledger.projection.statement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.walletledger.projection.accountview.AccountView;
import io.walletledger.projection.accountview.AccountViewProjector;
import io.walletledger.projection.accountview.AccountViewRepository;
import io.walletledger.projection.query.ReadYourWrites;
import io.walletledger.projection.query.TimeParameters;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.Caller;
import io.walletledger.servicekit.security.Permission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The statement (newest first, cursor pages stable under appends) and point-in-time balances. A
 * merchant reads only its own account's; any other account is answered as unknown.
 */
@Controller("/v1/accounts")
@Access(Permission.ACCOUNTS_READ)
class StatementController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final StatementRepository statements;
    private final AccountViewRepository accounts;
    private final ReadYourWrites readYourWrites;
    private final String group = AccountViewProjector.GROUP;

    StatementController(StatementRepository statements, AccountViewRepository accounts, ReadYourWrites readYourWrites) {
        this.statements = statements;
        this.accounts = accounts;
        this.readYourWrites = readYourWrites;
    }

    @Get(uri = "/{id}/transactions", produces = MediaType.APPLICATION_JSON)
    HttpResponse<StatementPage> transactions(@PathVariable String id, @Nullable @QueryValue Integer limit,
                                             @Nullable @QueryValue String cursor,
                                             @Nullable @QueryValue String consistencyToken,
                                             @Nullable @Header(ReadYourWrites.TOKEN_HEADER) String tokenHeader,
                                             @Parameter(hidden = true) Caller caller) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.validation("limit: must be between 1 and " + MAX_LIMIT);
        }
        long before = cursor == null ? Long.MAX_VALUE : decode(cursor);
        return readYourWrites.answer(group, consistencyToken, tokenHeader, () -> page(account(id, caller), before, size));
    }

    private StatementPage page(AccountView account, long before, int size) {
        String id = account.id();
        List<StatementLine> lines = statements.lines(id, before, size + 1);
        String next = null;
        if (lines.size() > size) {
            lines = lines.subList(0, size);
            next = encode(lines.get(size - 1).lineNo());
        }
        return new StatementPage(id, account.currency(), lines, next);
    }

    @Get(uri = "/{id}/balance", produces = MediaType.APPLICATION_JSON)
    HttpResponse<PointInTimeBalance> balance(@PathVariable String id, @Nullable @QueryValue String at,
                                             @Nullable @QueryValue String timeZone,
                                             @Nullable @QueryValue String consistencyToken,
                                             @Nullable @Header(ReadYourWrites.TOKEN_HEADER) String tokenHeader,
                                             @Parameter(hidden = true) Caller caller) {
        Instant instant = TimeParameters.instant("at", at, TimeParameters.zone(timeZone));
        return readYourWrites.answer(group, consistencyToken, tokenHeader, () -> {
            AccountView account = account(id, caller);
            AccountView.Amount zero = new AccountView.Amount(0, account.currency());
            return statements.balanceAt(id, instant).orElse(new PointInTimeBalance(id, instant, zero, zero, zero, 0));
        });
    }

    private AccountView account(String id, Caller caller) {
        return accounts.find(id).filter(account -> caller.sees(account.id()))
                .orElseThrow(() -> ProblemException.notFound("no account " + id));
    }

    private static String encode(long lineNo) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("line:" + lineNo).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("line:")) {
                long line = Long.parseLong(raw.substring(5));
                if (line > 0) {
                    return line;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.validation("cursor: not a cursor from a previous page");
    }
}
