package io.newsarchive.search;

/**
 * What a {@link SearchBackend} has done since it was opened, for monitoring. Every count only
 * grows.
 *
 * @param searches searches that got a slot and ran, including those behind statistics and entity
 *     lists
 * @param timedOut searches that ran out of their time budget and answered partial results
 * @param cancelled searches stopped before their budget ran out because their client went away or
 *     the server was stopping
 * @param rejected searches refused because every slot stayed busy for as long as a search may wait
 * @param refreshes times a newer commit of the index was opened and made visible
 */
public record SearchCounts(
    long searches, long timedOut, long cancelled, long rejected, long refreshes) {}
