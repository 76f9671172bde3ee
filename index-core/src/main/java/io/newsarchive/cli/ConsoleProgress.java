package io.newsarchive.cli;

import io.newsarchive.ingest.IngestProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Draws an ingest's progress on the terminal: articles indexed, articles per second, files done
 * and, once a file has been read to the end, an ETA estimated from the bytes read. Draws nothing
 * when disabled. Called from one thread.
 */
final class ConsoleProgress implements Consumer<IngestProgress>, AutoCloseable {

  private final ProgressBar bar;

  private ConsoleProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Starts a bar on standard error when {@code mode} allows it. */
  static ConsoleProgress start(ProgressMode mode, PrintWriter err) {
    if (!mode.enabled()) {
      return new ConsoleProgress(null);
    }
    err.flush();
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Indexing")
            .setInitialMax(-1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" articles", 1)
            .showSpeed()
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(250)
            .build();
    return new ConsoleProgress(bar);
  }

  @Override
  public void accept(IngestProgress progress) {
    if (bar == null) {
      return;
    }
    bar.stepTo(progress.indexed());
    bar.setExtraMessage(
        String.format("files %d/%d%s", progress.filesDone(), progress.filesTotal(), eta(progress)));
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  private static String eta(IngestProgress progress) {
    if (progress.bytesDone() == 0 || progress.bytesDone() >= progress.bytesTotal()) {
      return "";
    }
    double fraction = (double) progress.bytesDone() / progress.bytesTotal();
    Duration left = Duration.ofMillis((long) (progress.elapsed().toMillis() * (1 / fraction - 1)));
    return String.format(", ETA %d:%02d", left.toMinutes(), left.toSecondsPart());
  }
}
