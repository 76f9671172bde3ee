package io.newsarchive.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.util.BytesRef;

/**
 * The match offsets of one field's query terms, read from the postings as the unified highlighter
 * reads them, but with each term's postings opened once per segment for all the documents of a page
 * instead of once per document: the highlighter visits a field's documents in increasing order, so
 * one postings list per term advances from hit to hit. Opening them per document looked each term
 * up in the terms dictionary again and allocated its postings' buffers again, ten times per field
 * and term on a page of ten, a tenth of what a page allocated. A document that comes before the one
 * a postings list is on, or the same document again, reopens it. Used by one thread, for one call
 * of the highlighter.
 */
final class PagePostingsOffsets extends PostingsOffsetStrategy {

  /** The segment of the document being highlighted. */
  private LeafReader leaf;

  /** The segment the open postings belong to. */
  private LeafReader opened;

  private TermsEnum lookup;

  /** By the term's place among the field's terms: its open postings, or null. */
  private PostingsEnum[] postings;

  /** By the term's place: whether the open segment lacks the term. */
  private boolean[] absent;

  /** By the term's place: the last document asked for, or -1. */
  private int[] asked;

  PagePostingsOffsets(UHComponents components) {
    super(components);
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content) throws IOException {
    leaf = reader;
    return super.getOffsetsEnum(reader, doc, content);
  }

  @Override
  protected void createOffsetsEnumsForTerms(
      BytesRef[] terms, Terms index, int doc, List<OffsetsEnum> results) throws IOException {
    if (leaf == null || leaf != opened || postings.length != terms.length) {
      opened = leaf;
      lookup = index.iterator();
      postings = new PostingsEnum[terms.length];
      absent = new boolean[terms.length];
      asked = new int[terms.length];
      Arrays.fill(asked, -1);
    }
    for (int i = 0; i < terms.length; i++) {
      if (absent[i]) {
        continue;
      }
      PostingsEnum term = postings[i];
      // Positions read for the same document, or a document passed: open the postings again.
      if (term == null || doc <= asked[i]) {
        if (!lookup.seekExact(terms[i])) {
          absent[i] = true;
          continue;
        }
        term = lookup.postings(term, PostingsEnum.OFFSETS);
        if (term == null) {
          throw new IllegalArgumentException(
              "field '" + getField() + "' was indexed without offsets, cannot highlight");
        }
        postings[i] = term;
      }
      asked[i] = doc;
      int at = term.docID() < doc ? term.advance(doc) : term.docID();
      if (at == doc) {
        results.add(new OffsetsEnum.OfPostings(terms[i], term));
      }
    }
  }
}
