package dev.distributary.fanout.support;

import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.RegionFanout;
import dev.distributary.fanout.provision.FanoutProvisioner;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.moto.AwsClients;
import java.util.LinkedHashMap;
import java.util.Map;

/** A whole layout provisioned on moto, region by region. */
public final class Provisioned {
    private Provisioned() {}

    public static Map<String, ProvisionedRegion> all(AwsClients aws, FanoutLayout layout) {
        Map<String, ProvisionedRegion> regions = new LinkedHashMap<>();
        for (RegionFanout region : layout.regions()) {
            regions.put(
                    region.region(),
                    new FanoutProvisioner(aws.sns(region.region()), aws.sqs(region.region())).provision(region));
        }
        return regions;
    }
}
