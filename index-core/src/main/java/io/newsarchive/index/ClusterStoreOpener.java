package io.newsarchive.index;

import java.io.IOException;

/**
 * Opens the {@link ArticleStore} of an index on a search cluster. The ingest command takes one from
 * the launcher, which knows the cluster's client; this module does not depend on it.
 */
@FunctionalInterface
public interface ClusterStoreOpener {

  /**
   * Opens the store of {@code index}, creating the index when the cluster has none of that name.
   * The caller owns the store and closes it.
   *
   * @throws IndexVersionException when the index exists but holds another schema version
   * @throws IOException when the cluster cannot be reached or refuses the index
   */
  ArticleStore open(ClusterIndex index) throws IOException;
}
