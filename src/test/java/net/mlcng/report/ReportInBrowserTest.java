package net.mlcng.report;

import java.nio.file.Path;
import net.mlcng.scenario.SampleRuns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report.html written from a recorded run with every plot renders in headless Chromium
 * ({@link ReportScreenshot}); ScenarioDockerTest does the same with a real run's report.
 */
@Tag("browser")
class ReportInBrowserTest {
    @Test
    void reportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
        ResultsWriter.write(SampleRuns.gridWithEverything(), dir);
        ReportScreenshot.assertRendered(dir);
    }
}
