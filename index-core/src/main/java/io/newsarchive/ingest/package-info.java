/**
 * Readers that turn archive files of each supported format into a stream of articles.
 *
 * <p>The flow: {@link io.newsarchive.ingest.SourceFiles#discover} walks the user's paths and pairs
 * each input file with its {@link io.newsarchive.ingest.SourceFormat}, detected from the content or
 * forced; {@link io.newsarchive.ingest.SourceFormat#open} returns the format's {@link
 * io.newsarchive.ingest.ArticleSource} ({@link io.newsarchive.ingest.KayhanTextSource}, {@link
 * io.newsarchive.ingest.ReutersSgmlSource}, {@link io.newsarchive.ingest.JsonLinesSource}, {@link
 * io.newsarchive.ingest.WarcSource}), which streams articles and reports each bad record to an
 * {@link io.newsarchive.ingest.IngestListener} as a {@link io.newsarchive.ingest.Rejection}. {@link
 * io.newsarchive.ingest.ReadOptions} carries what files cannot say themselves: the Kayhan time zone
 * and the JSON field mapping.
 */
package io.newsarchive.ingest;
