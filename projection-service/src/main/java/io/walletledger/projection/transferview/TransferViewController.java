package io.walletledger.projection.transferview;

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

@Controller("/v1/transfers")
class TransferViewController {

    private final TransferViewRepository repository;
    private final ReadYourWrites readYourWrites;

    TransferViewController(TransferViewRepository repository, ReadYourWrites readYourWrites) {
        this.repository = repository;
        this.readYourWrites = readYourWrites;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Access(Permission.TRANSFERS_READ)
    HttpResponse<TransferView> get(@PathVariable String id, @Nullable @QueryValue String consistencyToken,
                                   @Nullable @Header(ReadYourWrites.TOKEN_HEADER) String tokenHeader,
                                   @Parameter(hidden = true) Caller caller) {
        // a merchant sees transfers from or to its account; any other is answered as unknown
        return readYourWrites.answer(TransferViewProjector.GROUP, consistencyToken, tokenHeader,
                () -> repository.find(id)
                        .filter(transfer -> caller.sees(transfer.sourceAccountId(), transfer.destinationAccountId()))
                        .orElseThrow(() -> ProblemException.notFound("no transfer " + id)));
    }
}
