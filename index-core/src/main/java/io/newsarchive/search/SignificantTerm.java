package io.newsarchive.search;

/**
 * A word or name over-represented among the best matches of a search, against the whole archive.
 *
 * @param term the word as indexed (lower case, unstemmed) or the canonical name
 * @param score how unusual it is: {@link Significance#jlh}, higher is more unusual
 * @param foreground how many articles of the sample hold it, a repeated copy of a text counted once
 * @param background how many articles of the whole archive hold it
 */
public record SignificantTerm(String term, double score, long foreground, long background) {}
