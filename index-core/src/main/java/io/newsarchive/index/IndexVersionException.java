package io.newsarchive.index;

import java.io.IOException;

/** The directory holds an index this version of newsarchive cannot use. */
public final class IndexVersionException extends IOException {

  /** Creates the exception with a message that tells the user what to do. */
  public IndexVersionException(String message) {
    super(message);
  }
}
