/**
 * Readers that turn archive files of each supported format into a stream of articles, and the
 * {@link io.newsarchive.ingest.IngestPipeline} that runs them and hands every article, with its
 * entities, to the index writer.
 *
 * <p>The flow: {@link io.newsarchive.ingest.InputFiles#discover} walks the user's paths and pairs
 * each input file with its {@link io.newsarchive.ingest.InputFormat}, detected from the content or
 * forced; {@link io.newsarchive.ingest.InputFormat#open} returns the format's {@link
 * io.newsarchive.ingest.ArticleReader} ({@link io.newsarchive.ingest.KayhanTextReader}, {@link
 * io.newsarchive.ingest.ReutersSgmlReader}, {@link io.newsarchive.ingest.JsonLinesReader}, {@link
 * io.newsarchive.ingest.WarcReader}, {@link io.newsarchive.ingest.SmartCollectionReader}, {@link
 * io.newsarchive.ingest.FeedReader}, {@link io.newsarchive.ingest.HtmlPageReader}, {@link
 * io.newsarchive.ingest.PlainTextReader}, and {@link io.newsarchive.ingest.ArchiveReader}, which
 * reads each entry of a zip or tar archive with the reader its content calls for), which streams
 * articles and reports each bad record to an {@link io.newsarchive.ingest.IngestListener} as a
 * {@link io.newsarchive.ingest.Rejection}. {@link io.newsarchive.ingest.ReadOptions} carries what
 * files cannot say themselves: the Kayhan time zone, the JSON field mapping, how plain-text
 * articles are named, and the limits of an archive; {@link io.newsarchive.ingest.InputName} names
 * each input, for messages and stable ids.
 */
package io.newsarchive.ingest;
