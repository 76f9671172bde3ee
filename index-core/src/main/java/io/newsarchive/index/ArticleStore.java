package io.newsarchive.index;

import io.newsarchive.article.Article;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where an ingest writes its articles, keyed by {@link Article#id()}: an article whose id is new is
 * added, one whose stored content differs is replaced, and one that is already there unchanged is
 * left as it is, so that re-running an ingest over the same input is idempotent. The local index,
 * {@link ArticleIndexer}, is the default store; whoever opened a store owns it and closes it.
 *
 * <p>Implementations are thread-safe: several ingest workers upsert batches at once, while another
 * thread commits. Changes become durable and visible to searches at {@link #commit()} and {@link
 * #close()}.
 */
public interface ArticleStore extends Closeable {

  /**
   * Upserts a batch of articles, in order, and says what happened to each: one outcome per article,
   * at the article's position. The outcome of each article is the one it would have had if the
   * articles were upserted one by one in this order; an id that occurs twice ends with the content
   * of its second occurrence, which counts as {@link UpsertOutcome#UNCHANGED} or {@link
   * UpsertOutcome#UPDATED} against the first.
   *
   * <p>An article the store cannot take for what it contains does not cost the others: they are
   * stored, then {@link ArticlesRefusedException} reports the outcomes of the stored ones and names
   * each refused article with the reason. Any other {@link IOException} means the store itself
   * failed, and which articles of the batch were stored is unknown until it is retried.
   *
   * @throws ArticlesRefusedException when the store refused some articles of the batch and stored
   *     the rest
   * @throws IOException when the store cannot be written
   */
  List<UpsertOutcome> upsert(List<Article> articles) throws IOException;

  /**
   * Makes every upsert that returned so far durable and visible to searches.
   *
   * @throws IOException when the store cannot be written
   */
  void commit() throws IOException;

  /**
   * Number of articles the store holds, counting every upsert that returned, committed or not.
   *
   * @throws IOException when the store cannot be read
   */
  long documentCount() throws IOException;

  /**
   * Commits, then releases what the store holds (files, threads, connections). No other method may
   * be called afterwards.
   *
   * @throws IOException when the last commit fails
   */
  @Override
  void close() throws IOException;
}
