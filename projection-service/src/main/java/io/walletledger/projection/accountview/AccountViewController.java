package io.walletledger.projection.accountview;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import io.walletledger.projection.query.ReadYourWrites;
import io.walletledger.servicekit.http.ProblemException;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.Caller;
import io.walletledger.servicekit.security.Permission;

@Controller("/v1/accounts")
class AccountViewController {

    private final AccountViewRepository repository;
    private final ReadYourWrites readYourWrites;

    AccountViewController(AccountViewRepository repository, ReadYourWrites readYourWrites) {
        this.repository = repository;
        this.readYourWrites = readYourWrites;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Access(Permission.ACCOUNTS_READ)
    HttpResponse<AccountView> get(@PathVariable String id, @Nullable @QueryValue String consistencyToken,
                                  @Nullable @Header(ReadYourWrites.TOKEN_HEADER) String tokenHeader,
                                  @Parameter(hidden = true) Caller caller) {
        return readYourWrites.answer(AccountViewProjector.GROUP, consistencyToken, tokenHeader,
                // a merchant sees only its own account; any other is answered as unknown, existence hidden
                () -> repository.find(id).filter(account -> caller.sees(account.id()))
                        .orElseThrow(() -> ProblemException.notFound("no account " + id)));
    }
}
