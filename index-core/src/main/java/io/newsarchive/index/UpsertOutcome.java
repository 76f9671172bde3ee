package io.newsarchive.index;

/** What an upsert did to the index. */
public enum UpsertOutcome {
  /** The id was new: a document was added. */
  ADDED,
  /** The id existed with other content: its document was replaced. */
  UPDATED,
  /** The id existed with the same content: nothing was written. */
  UNCHANGED
}
