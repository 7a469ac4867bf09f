package dev.distributary.local.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.local.demo.DemoOptions;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A seed fixes every choice of a workload: the plan is drawn before any write, on one thread. */
class WorkloadPlanTest {
    private static final Topology SHOP = TopologyLoader.load(Path.of("..", "platform.yaml"));
    private static final WorkloadOptions OPTIONS = WorkloadOptions.of(400, 20, 42)
            .withOtherClasses(0.3)
            .withPoison(5, true)
            .withRefusedWrite();

    @Test
    void theSameSeed_givesTheSameWrites_twice() {
        List<WorkloadPlan.Write> first = WorkloadPlan.of(SHOP, OPTIONS).writes();
        List<WorkloadPlan.Write> second = WorkloadPlan.of(SHOP, OPTIONS).writes();

        assertThat(first).hasSize(400).isEqualTo(second);
    }

    @Test
    void anotherSeed_givesOtherWrites() {
        WorkloadOptions other = new WorkloadOptions(400, 20, 43, 0.3, 5, true, true);

        assertThat(WorkloadPlan.of(SHOP, other).writes())
                .isNotEqualTo(WorkloadPlan.of(SHOP, OPTIONS).writes());
    }

    @Test
    void thePlan_hasThePoisonRecordsAndTheRefusedWrite_andEveryKindOfChange_inEveryWritingRegionAndTable() {
        List<WorkloadPlan.Write> writes = WorkloadPlan.of(SHOP, OPTIONS).writes();

        assertThat(writes).filteredOn(WorkloadPlan.Poison.class::isInstance).hasSize(5);
        assertThat(writes)
                .filteredOn(WorkloadPlan.RefusedWrite.class::isInstance)
                .hasSize(1);
        assertThat(writes)
                .hasAtLeastOneElementOfType(WorkloadPlan.Modify.class)
                .hasAtLeastOneElementOfType(WorkloadPlan.Tombstone.class);
        List<WorkloadPlan.Insert> inserts = writes.stream()
                .filter(WorkloadPlan.Insert.class::isInstance)
                .map(WorkloadPlan.Insert.class::cast)
                .toList();
        assertThat(inserts)
                .extracting(WorkloadPlan.Insert::region)
                .containsOnly("us-east-1", "eu-west-1", "ap-southeast-2")
                .contains("us-east-1", "eu-west-1", "ap-southeast-2");
        assertThat(inserts).extracting(WorkloadPlan.Insert::table).contains("orders", "eu-customers", "inventory");
        assertThat(inserts)
                .filteredOn(i -> i.table().equals("eu-customers"))
                .extracting(WorkloadPlan.Insert::region)
                .containsOnly("eu-west-1");
        assertThat(inserts)
                .extracting(WorkloadPlan.Insert::dataClass)
                .contains("public", "eu-personal", Workload.UNLISTED_CLASS);
    }

    /** Each region then holds inventory replicas written elsewhere, which its mapping must filter out. */
    @Test
    void shippedPlatform_theDefaultDemosPlan_insertsInventoryInEveryRegion() {
        DemoOptions demo = DemoOptions.defaults();
        WorkloadOptions options = WorkloadOptions.of(demo.events(), demo.ratePerSecond(), demo.seed())
                .withPoison(1, false)
                .withRefusedWrite();

        assertThat(WorkloadPlan.of(SHOP, options).writes())
                .filteredOn(WorkloadPlan.Insert.class::isInstance)
                .map(WorkloadPlan.Insert.class::cast)
                .filteredOn(insert -> insert.table().equals("inventory"))
                .extracting(WorkloadPlan.Insert::region)
                .contains("us-east-1", "eu-west-1", "ap-southeast-2");
    }

    @Test
    void eachItem_isInsertedFirst_thenModifiedToRisingVersions_andNeverWrittenAfterItsTombstone() {
        Map<Integer, Long> versions = new HashMap<>();
        Set<Integer> deleted = new HashSet<>();
        for (WorkloadPlan.Write write : WorkloadPlan.of(SHOP, OPTIONS).writes()) {
            if (write instanceof WorkloadPlan.ItemWrite itemWrite) {
                assertThat(deleted).as("written after its tombstone: %s", write).doesNotContain(itemWrite.item());
                if (itemWrite instanceof WorkloadPlan.Insert insert) {
                    assertThat(versions.put(insert.item(), 1L))
                            .as("inserted twice: %s", write)
                            .isNull();
                } else if (itemWrite instanceof WorkloadPlan.Modify modify) {
                    assertThat(versions.put(modify.item(), modify.version())).isEqualTo(modify.version() - 1);
                } else if (itemWrite instanceof WorkloadPlan.Tombstone tombstone) {
                    assertThat(versions.get(tombstone.item())).isEqualTo(tombstone.version());
                    deleted.add(tombstone.item());
                }
            }
        }
        assertThat(deleted).isNotEmpty();
    }
}
