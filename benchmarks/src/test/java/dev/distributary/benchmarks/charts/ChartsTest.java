package dev.distributary.benchmarks.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.cost.Component;
import dev.distributary.cost.CostEstimate;
import dev.distributary.cost.CostModel;
import dev.distributary.cost.Design;
import dev.distributary.cost.PriceTable;
import dev.distributary.cost.Workload;
import dev.distributary.topology.TopologyLoader;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    private static final List<LatencyChart.Rate> RATES = List.of(
            new LatencyChart.Rate(5, 148, 230, 578, 1209, 1793), new LatencyChart.Rate(20, 598, 501, 1243, 1536, 2384));

    @Test
    void serverTimeOperations_comeFromTheDemoReport_mostServerTimeFirst_withTheirCalls() throws Exception {
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"apiCalls": {"dynamodb": {"PutItem": 885, "GetItem": 114}, "dynamodbstreams": {"GetRecords": 936}},
                 "apiServerMs": {"dynamodb": {"PutItem": 49700, "GetItem": 900}, "dynamodbstreams": {"GetRecords": 53600}}}
                """);

        List<ServerTimeChart.Operation> operations = ServerTimeChart.operations(report);

        assertThat(operations)
                .containsExactly(
                        new ServerTimeChart.Operation("dynamodbstreams", "GetRecords", 936, 53600),
                        new ServerTimeChart.Operation("dynamodb", "PutItem", 885, 49700),
                        new ServerTimeChart.Operation("dynamodb", "GetItem", 114, 900));
        assertThat(ServerTimeChart.dataset(operations).getValue("server time", "dynamodb PutItem (885 calls)"))
                .isEqualTo(49.7);
    }

    @Test
    void latencyDataset_hasTheP50AndP99OfBothKindsOfDelivery_perRate_countingWritesAsTheTableDoes() {
        DefaultCategoryDataset data = LatencyChart.dataset(RATES);

        assertThat(data.getRowKeys())
                .containsExactly(
                        "local delivery p50",
                        "local delivery p99",
                        "replicated delivery p50",
                        "replicated delivery p99");
        assertThat(data.getColumnKeys()).containsExactly("5 writes/s (148 written)", "20 writes/s (598 written)");
        assertThat(data.getValue("local delivery p99", "5 writes/s (148 written)")
                        .doubleValue())
                .isEqualTo(578);
        assertThat(data.getValue("replicated delivery p50", "20 writes/s (598 written)")
                        .doubleValue())
                .isEqualTo(1536);
    }

    @Test
    void latencyChart_labelsEveryBar_inBluesForLocalAndOrangesForReplicated(@TempDir Path dir) throws Exception {
        CategoryItemRenderer renderer =
                LatencyChart.chart("latency", RATES).getCategoryPlot().getRenderer();
        BufferedImage image = ImageIO.read(
                LatencyChart.write("latency", RATES, dir.resolve("latency.png")).toFile());

        assertThat(renderer.getDefaultItemLabelsVisible()).isTrue();
        assertThat(paints(renderer, 4))
                .containsExactly(Palette.SKY_BLUE, Palette.BLUE, Palette.ORANGE, Palette.VERMILLION);
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(520);
    }

    @Test
    void costCharts_putTheComponentsAndTheTotalOfAllThreeDesignsOnAxesOfTheirOwn_withLabelledBars(@TempDir Path dir)
            throws Exception {
        CostEstimate estimate = new CostModel(PriceTable.load())
                .estimate(TopologyLoader.load(Path.of("../platform.yaml")), new Workload(100, 1));

        DefaultCategoryDataset components = CostChart.components(estimate);
        DefaultCategoryDataset total = CostChart.total(estimate);
        List<JFreeChart> charts = CostChart.charts("cost", "a note", estimate);
        BufferedImage image = ImageIO.read(CostChart.write("cost", "a note", estimate, dir.resolve("cost.png"))
                .toFile());

        assertThat(components.getColumnKeys())
                .hasSize(Component.values().length)
                .doesNotContain("total");
        assertThat(components.getRowKeys()).containsExactly(CostChart.DISTRIBUTARY, CostChart.NAIVE, CostChart.PIPES);
        assertThat(components
                        .getValue(CostChart.PIPES, Component.PIPE_REQUESTS.label())
                        .doubleValue())
                .isEqualTo(estimate.of(Design.PIPES)
                        .component(Component.PIPE_REQUESTS)
                        .usdPerMillion());
        assertThat(total.getValue(CostChart.DISTRIBUTARY, "total").doubleValue())
                .isEqualTo(estimate.distributary().usdPerMillion());
        assertThat(total.getValue(CostChart.PIPES, "total").doubleValue())
                .isEqualTo(estimate.of(Design.PIPES).usdPerMillion());
        assertThat(charts).hasSize(2);
        assertThat(charts.get(0).getSubtitles())
                .anySatisfy(title -> assertThat(title)
                        .isInstanceOfSatisfying(
                                org.jfree.chart.title.TextTitle.class,
                                text -> assertThat(text.getText()).isEqualTo("a note")));
        assertThat(charts.get(0).getCategoryPlot().getRangeAxis())
                .isNotSameAs(charts.get(1).getCategoryPlot().getRangeAxis());
        assertThat(charts).allSatisfy(chart -> {
            CategoryItemRenderer renderer = chart.getCategoryPlot().getRenderer();
            assertThat(renderer.getDefaultItemLabelsVisible()).isTrue();
            assertThat(paints(renderer, 3)).containsExactly(Palette.BLUE, Palette.ORANGE, Palette.BLUISH_GREEN);
        });
        assertThat(image.getHeight()).isEqualTo(970);
    }

    @Test
    void costCharts_forAFifoPlatform_drawOnlyThePricedDesigns() {
        CostEstimate estimate = new CostModel(PriceTable.load())
                .estimate(TopologyLoader.load(Path.of("../examples/fifo.yaml")), new Workload(100, 1));

        assertThat(CostChart.components(estimate).getRowKeys())
                .containsExactly(CostChart.DISTRIBUTARY, CostChart.NAIVE);
        assertThat(paints(
                        CostChart.charts("cost", "", estimate)
                                .get(0)
                                .getCategoryPlot()
                                .getRenderer(),
                        2))
                .containsExactly(Palette.BLUE, Palette.ORANGE);
    }

    private static List<Paint> paints(CategoryItemRenderer renderer, int series) {
        List<Paint> paints = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            paints.add(renderer.getSeriesPaint(i));
        }
        return paints;
    }
}
