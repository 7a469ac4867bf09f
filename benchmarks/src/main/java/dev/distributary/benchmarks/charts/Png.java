package dev.distributary.benchmarks.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;

/** Writes charts as PNG, headless, in one plain style: white plot, light grid, flat bars with their values. */
final class Png {
    static final int WIDTH = 900;

    private Png() {}

    /** White plot, light grid lines: readable in a document. */
    static JFreeChart plain(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        return chart;
    }

    /** Flat bars in the given colours, one per series, each labelled with its value at its end. */
    static BarRenderer bars(CategoryPlot plot, CategoryItemLabelGenerator labels, Color... colours) {
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int series = 0; series < colours.length; series++) {
            renderer.setSeriesPaint(series, colours[series]);
        }
        renderer.setDefaultItemLabelGenerator(labels);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        renderer.setDefaultPositiveItemLabelPosition(
                plot.getOrientation().isHorizontal()
                        ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                        : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        renderer.setItemLabelAnchorOffset(3);
        // room beyond the longest bar for its label; the value axis below the bars
        plot.getRangeAxis().setUpperMargin(0.15);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        return renderer;
    }

    /** One chart, {@code height} pixels high. */
    static Path write(JFreeChart chart, int height, Path file) throws IOException {
        return stack(List.of(chart), new int[] {height}, file);
    }

    /** Charts one above the other in one image, each with its own axes, {@code heights} pixels each. */
    static Path stack(List<JFreeChart> charts, int[] heights, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int total = 0;
        for (int height : heights) {
            total += height;
        }
        BufferedImage image = new BufferedImage(WIDTH, total, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, total);
        int top = 0;
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double(0, top, WIDTH, heights[i]));
            top += heights[i];
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
