package ru.marketplace.keycloak.reset.benchmark.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The benchmark's chart (JFreeChart): resets per second and p95 of a whole reset per round for both flows, and the
 * live heap per pending reset, side by side in one PNG.
 */
final class PerformanceChart {

    private static final int PANEL_WIDTH = 420;
    private static final int HEIGHT = 340;
    private static final Color STOCK_COLOR = new Color(0x6B, 0x7A, 0x8F);
    private static final Color PROJECT_COLOR = new Color(0xE0, 0x4E, 0x1B);

    private PerformanceChart() {
    }

    static void write(LoadReport report, Path png) {
        DefaultCategoryDataset perSecond = new DefaultCategoryDataset();
        DefaultCategoryDataset p95 = new DefaultCategoryDataset();
        for (String flow : List.of(LoadReport.STOCK, LoadReport.PROJECT)) {
            for (LoadReport.Round round : report.rounds(flow)) {
                String category = "round " + round.round();
                perSecond.addValue(round.batch().perSecond(), flow, category);
                p95.addValue(round.batch().steps().of(Walks.END_TO_END).percentile(95), flow, category);
            }
        }
        DefaultCategoryDataset heap = new DefaultCategoryDataset();
        for (String flow : List.of(LoadReport.STOCK, LoadReport.PROJECT)) {
            double kb = report.heapPerPendingKb(flow);
            if (!Double.isNaN(kb)) {
                heap.addValue(kb, "KB", flow);
            }
        }
        List<JFreeChart> charts = List.of(
                lines("Resets per second", "resets/s", perSecond),
                lines("p95 of a whole reset", "ms", p95),
                bars("Live heap per pending reset", "KB (after full GC)", heap));
        BufferedImage image = new BufferedImage(PANEL_WIDTH * charts.size(), HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle2D.Double(i * PANEL_WIDTH, 0, PANEL_WIDTH, HEIGHT));
            }
        } finally {
            g.dispose();
        }
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (var out = Files.newOutputStream(png)) {
                ChartUtils.writeBufferedImageAsPNG(out, image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + png, e);
        }
    }

    private static JFreeChart lines(String title, String axis, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createLineChart(title, null, axis, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int series = 0; series < data.getRowCount(); series++) {
            renderer.setSeriesPaint(series, colorOf((String) data.getRowKey(series)));
            renderer.setSeriesStroke(series, new BasicStroke(2.5f));
        }
        style(plot);
        return chart;
    }

    private static JFreeChart bars(String title, String axis, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRenderer().setSeriesPaint(0, PROJECT_COLOR);
        style(plot);
        return chart;
    }

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }

    private static Color colorOf(String flow) {
        return LoadReport.STOCK.equals(flow) ? STOCK_COLOR : PROJECT_COLOR;
    }
}
