package io.walletledger.projection.paymentview;

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

@Controller("/v1/payments")
class PaymentViewController {

    private final PaymentViewRepository repository;
    private final ReadYourWrites readYourWrites;

    PaymentViewController(PaymentViewRepository repository, ReadYourWrites readYourWrites) {
        this.repository = repository;
        this.readYourWrites = readYourWrites;
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Access(Permission.PAYMENTS_READ)
    HttpResponse<PaymentView> get(@PathVariable String id, @Nullable @QueryValue String consistencyToken,
                                  @Nullable @Header(ReadYourWrites.TOKEN_HEADER) String tokenHeader,
                                  @Parameter(hidden = true) Caller caller) {
        // another merchant's payment is answered as unknown: a merchant cannot learn that it exists
        return readYourWrites.answer(PaymentViewProjector.GROUP, consistencyToken, tokenHeader,
                () -> repository.find(id).filter(payment -> caller.sees(payment.merchantAccountId()))
                        .orElseThrow(() -> ProblemException.notFound("no payment " + id)));
    }
}
