package dev.distributary.infra;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.exceptions.RunException;
import dev.distributary.fanout.FanoutConfigException;
import dev.distributary.topology.TopologyException;

/** The Pulumi program: one stack per region ({@code pulumi up} in each; the primary's first). */
public final class App {
    private App() {}

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** Reads the stack configuration and declares the region's stack; a bad platform ends the run with its message, not a stack trace. */
    public static void stack(Context ctx) {
        try {
            DistributaryStack.declare(ctx, StackConfig.read(ctx));
        } catch (TopologyException | ResidencyRefusedException | InfraConfigException | FanoutConfigException e) {
            throw new RunException(e.getMessage());
        }
    }
}
