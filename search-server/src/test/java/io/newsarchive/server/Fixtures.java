package io.newsarchive.server;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-written articles for server tests, plus a generated wire of many similar items. */
final class Fixtures {

  private Fixtures() {}

  static Article article(String id, String title, String body, String date, Entity... entities) {
    return Article.builder()
        .id(id)
        .source(id.startsWith("kayhan") ? "kayhan.ir" : "reuters")
        .title(title)
        .body(body)
        .published(date == null ? null : Instant.parse(date), date == null ? "" : date)
        .language("en")
        .build()
        .withEntities(List.of(entities));
  }

  static Entity place(String name) {
    return new Entity(name, EntityType.LOCATION, 1);
  }

  static Entity person(String name) {
    return new Entity(name, EntityType.PERSON, 1);
  }

  static Entity org(String name) {
    return new Entity(name, EntityType.ORGANIZATION, 1);
  }

  static List<Article> archive() {
    return List.of(
        article(
            "reuters-1",
            "Cocoa prices rise as Ghana crop shrinks",
            "Cocoa futures rose in London after Ghana said its cocoa crop would be smaller.",
            "1987-03-02T10:00:00Z",
            place("Ghana"),
            place("London")),
        article(
            "reuters-2",
            "Ivory Coast cocoa exports steady",
            "Exports of cocoa from Ivory Coast held steady in February.",
            "1987-03-20T09:30:00Z",
            place("Ivory Coast")),
        article(
            "reuters-3",
            "Oil prices fall on OPEC output",
            "Crude oil prices fell as OPEC members raised output; cocoa was unchanged.",
            "1987-04-10T12:00:00Z",
            org("OPEC")),
        article(
            "reuters-4",
            "Bank of England raises interest rates",
            "The Bank of England raised its base rate by half a point.",
            "1987-05-07T08:00:00Z",
            org("Bank of England"),
            place("London")),
        article(
            "kayhan-5",
            "Pompeo visits Baghdad",
            "Mike Pompeo met Iraqi leaders in Baghdad. <script>alert('x')</script> Pompeo said"
                + " talks on oil & cocoa went well.",
            "2019-01-09T15:00:00Z",
            person("Mike Pompeo"),
            place("Baghdad"),
            place("Iraq")),
        article(
            "kayhan-6",
            "Iraq oil exports climb",
            "Iraq raised its oil exports through Basra.",
            "2019-02-14T07:00:00Z",
            place("Iraq"),
            place("Basra")),
        article("reuters-7", "Grain markets quiet", "Wheat and corn were quiet.", null));
  }

  /** {@code count} wire items that all match "wire", spread over 1988. */
  static List<Article> wire(int count) {
    List<Article> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(
          article(
              "wire-" + i,
              "Wire bulletin " + (i % 11),
              "Wire report number " + i + " on markets " + (i % 17),
              Instant.parse("1988-01-01T00:00:00Z").plusSeconds(20_000L * i).toString(),
              place(i % 3 == 0 ? "Tokyo" : "Paris")));
    }
    return list;
  }
}
