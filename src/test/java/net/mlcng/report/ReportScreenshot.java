package net.mlcng.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import net.mlcng.util.Processes;

/**
 * Opens a results directory's report.html in Debian's headless Chromium and checks the screenshot
 * shows a rendered page: enough non-white pixels, and the plots' saturated colours (text is
 * grey/black), which proves the SVG charts were drawn. Fails, rather than skips, without chromium.
 */
public final class ReportScreenshot {
    private ReportScreenshot() {}

    public static void assertRendered(Path resultsDir) throws Exception {
        Path png = resultsDir.resolve("report.png");
        Path profile = Files.createTempDirectory("chromium-profile");
        Processes.Result r = Processes.run(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,2400",
                resultsDir.resolve(ResultsWriter.REPORT_HTML).toUri().toString()), Duration.ofSeconds(120));
        Processes.run(List.of("rm", "-rf", profile.toString()), Duration.ofSeconds(30));
        assertThat(r.exitCode()).as("chromium failed (apt-get install chromium): %s", r.stderr()).isZero();
        assertThat(png).isNotEmptyFile();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        long inked = 0;
        long colored = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int red = rgb >> 16 & 0xff;
                int green = rgb >> 8 & 0xff;
                int blue = rgb & 0xff;
                if (red < 200 || green < 200 || blue < 200) inked++;
                if (Math.max(red, Math.max(green, blue)) - Math.min(red, Math.min(green, blue)) > 80) colored++;
            }
        }
        long total = (long) img.getWidth() * img.getHeight();
        System.out.printf("report screenshot %s: %d of %d pixels inked, %d coloured%n", png, inked, total, colored);
        assertThat(inked).as("non-white pixels").isGreaterThan(total / 100);
        assertThat(colored).as("coloured plot pixels").isGreaterThan(5_000);
    }
}
