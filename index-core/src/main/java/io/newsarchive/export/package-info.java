/**
 * Writing every article a search matches to a file, CSV or JSON Lines, page after page through the
 * search cursor, for the HTTP export and the {@code export} command alike.
 */
package io.newsarchive.export;
