package io.newsarchive.index;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An index on a search cluster that an ingest writes into instead of a local directory.
 *
 * @param nodes the HTTP addresses of some of the cluster's nodes, like {@code
 *     http://127.0.0.1:9200}
 * @param name the index name
 * @param shards primary shards of the index, when the ingest creates it
 * @param replicas copies of each shard on other nodes, when the ingest creates it
 */
public record ClusterIndex(List<URI> nodes, String name, int shards, int replicas) {

  /** Index name used when none is given. */
  public static final String DEFAULT_NAME = "newsarchive";

  /** Validates that there is a node and a name, at least one shard, and no negative replicas. */
  public ClusterIndex {
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("a cluster index needs at least one node address");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a cluster index needs a name");
    }
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, got " + shards);
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must not be negative, got " + replicas);
    }
  }
}
