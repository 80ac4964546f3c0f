package io.walletledger.projection.transferview;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.walletledger.projection.query.ReadYourWrites;
import io.walletledger.servicekit.http.ProblemException;

@Controller("/v1/transfers")
class TransferViewController {

    private final TransferViewRepository repository;
    private final ReadYourWrites readYourWrites;

    TransferViewController(TransferViewRepository repository, ReadYourWrites readYourWrites) {
        this.repository = repository;
        this.readYourWrites = readYourWrites;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<TransferView> get(@PathVariable String id, @Nullable @QueryValue String consistencyToken,
                                   @Nullable @Header(ReadYourWrites.TOKEN_HEADER) String tokenHeader) {
        return readYourWrites.answer(TransferViewProjector.GROUP, consistencyToken, tokenHeader,
                () -> repository.find(id).orElseThrow(() -> ProblemException.notFound("no transfer " + id)));
    }
}
