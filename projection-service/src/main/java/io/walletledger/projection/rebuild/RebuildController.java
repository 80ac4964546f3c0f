package io.walletledger.projection.rebuild;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.walletledger.servicekit.security.Access;
import io.walletledger.servicekit.security.Permission;

/** Starts a rebuild of every read model and reports its progress (the rebuild command polls it). */
@Controller("/admin/rebuild")
@Access(Permission.PROJECTIONS_REBUILD)
class RebuildController {

    private final RebuildJob job;

    RebuildController(RebuildJob job) {
        this.job = job;
    }

    @Post(produces = MediaType.APPLICATION_JSON)
    HttpResponse<RebuildProgress> start() {
        return HttpResponse.accepted().body(job.start());
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    RebuildProgress progress() {
        return job.progress();
    }
}
