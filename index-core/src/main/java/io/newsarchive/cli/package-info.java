/** Picocli commands of the {@code newsarchive} launcher that need nothing beyond index-core. */
package io.newsarchive.cli;
