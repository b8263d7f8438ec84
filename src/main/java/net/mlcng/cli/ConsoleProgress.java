package net.mlcng.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import net.mlcng.lab.Progress;

/** A progress bar per stage on a terminal; one line per stage start and end otherwise (logs, CI). */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private String stage;
    private int total;
    private long started;

    private ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Progress to(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null);
    }

    @Override
    public synchronized void stage(String name, int total) {
        endStage();
        this.stage = name;
        this.total = total;
        this.started = System.nanoTime();
        if (total == 0) return;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .continuousUpdate().build();
        } else {
            err.println(name + ": " + total + " ...");
            err.flush();
        }
    }

    @Override
    public synchronized void step() {
        if (bar != null) bar.step();
    }

    @Override
    public synchronized void endStage() {
        if (stage == null) return;
        if (bar != null) {
            bar.close();
            bar = null;
        } else if (total > 0) {
            err.printf("%s: %d done in %.1f s%n", stage, total, (System.nanoTime() - started) / 1e9);
            err.flush();
        }
        stage = null;
    }
}
