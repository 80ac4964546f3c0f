package io.walletledger.projection.accountview;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.walletledger.servicekit.http.ProblemException;

@Controller("/v1/accounts")
class AccountViewController {

    private final AccountViewRepository repository;

    AccountViewController(AccountViewRepository repository) {
        this.repository = repository;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    AccountView get(@PathVariable String id) {
        return repository.find(id).orElseThrow(() -> ProblemException.notFound("no account " + id));
    }
}
