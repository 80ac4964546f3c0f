package io.walletledger.projection.transferview;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.walletledger.servicekit.http.ProblemException;

@Controller("/v1/transfers")
class TransferViewController {

    private final TransferViewRepository repository;

    TransferViewController(TransferViewRepository repository) {
        this.repository = repository;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    TransferView get(@PathVariable String id) {
        return repository.find(id).orElseThrow(() -> ProblemException.notFound("no transfer " + id));
    }
}
