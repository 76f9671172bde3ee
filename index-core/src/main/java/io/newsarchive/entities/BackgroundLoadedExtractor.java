package io.newsarchive.entities;

import io.newsarchive.article.Entity;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An extractor whose model loads on a thread of its own from the moment the extractor is made, so
 * that what a run does first (opening the index, reading the first files) goes on meanwhile; the
 * first article to be tagged waits for the model. A model that cannot be loaded makes every call
 * throw {@link ExtractorUnavailableException}.
 */
final class BackgroundLoadedExtractor implements EntityExtractor {

  private final CompletableFuture<EntityExtractor> loaded;

  BackgroundLoadedExtractor(Supplier<? extends EntityExtractor> load) {
    loaded =
        CompletableFuture.<EntityExtractor>supplyAsync(
            load::get, task -> Thread.ofPlatform().name("entity-model").daemon().start(task));
  }

  @Override
  public List<Entity> extract(String title, String body) {
    EntityExtractor model;
    try {
      model = loaded.join();
    } catch (CompletionException e) {
      throw new ExtractorUnavailableException(e.getCause() == null ? e : e.getCause());
    }
    return model.extract(title, body);
  }
}
