package io.walletledger.e2e.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The campaign's profiles: {@code short} (in {@code ./mvnw verify}) and {@code long} (on demand). */
public final class FaultCampaigns {

    private FaultCampaigns() {
    }

    static List<FaultCampaign.Plan> plans(String profile) {
        return switch (profile) {
            // four clients: on 2 cores a restarted JVM and its catching up compete with the load
            case "short" -> List.of(
                    new FaultCampaign.Plan("single", 1, 1, 4, 1, true, true, false),
                    new FaultCampaign.Plan("scale-out", 3, 2, 4, 0, false, false, true));
            case "long" -> List.of(
                    new FaultCampaign.Plan("single", 1, 1, 8, 10, true, true, false),
                    new FaultCampaign.Plan("scale-out", 3, 2, 8, 0, false, false, true));
            // one fault at a time, to look into it: -Dfaults.profile=postgres, broker, kill
            case "postgres" -> List.of(new FaultCampaign.Plan("single", 1, 1, 6, 0, false, true, false));
            case "broker" -> List.of(new FaultCampaign.Plan("single", 1, 1, 6, 0, true, false, false));
            case "kill" -> List.of(new FaultCampaign.Plan("single", 1, 1, 6, 1, false, false, false));
            default -> throw new IllegalArgumentException("unknown profile " + profile + " (short, long, postgres, broker or kill)");
        };
    }

    /** Runs every phase of the profile; a seed replays the random choices of an earlier campaign. */
    public static CampaignReport run(String profile, Long seed, Path dir) throws Exception {
        long campaignSeed = seed != null ? seed : new Random().nextLong();
        System.out.println("fault campaign " + profile + ", seed " + campaignSeed + " (-Dfaults.seed replays it)");
        Files.createDirectories(dir);
        Random random = new Random(campaignSeed);
        List<FaultCampaign.Result> results = new ArrayList<>();
        for (FaultCampaign.Plan plan : plans(profile)) {
            results.add(new FaultCampaign(dir.toAbsolutePath()).run(plan, random.nextLong()));
        }
        CampaignReport report = new CampaignReport(profile, campaignSeed, results);
        Files.writeString(dir.resolve("report.md"), report.text());
        return report;
    }
}
