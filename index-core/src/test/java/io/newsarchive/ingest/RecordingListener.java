package io.newsarchive.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link IngestListener} that keeps everything it hears, for assertions. Thread-safe. */
class RecordingListener implements IngestListener {
  final List<Rejection> rejections = new CopyOnWriteArrayList<>();
  final List<Rejection> warnings = new CopyOnWriteArrayList<>();

  @Override
  public void rejected(Rejection rejection) {
    rejections.add(rejection);
  }

  @Override
  public void warned(Rejection warning) {
    warnings.add(warning);
  }
}
