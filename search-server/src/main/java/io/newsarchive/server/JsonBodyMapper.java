package io.newsarchive.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.json.JsonMapper;
import io.newsarchive.server.api.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Javalin's JSON through {@link ApiJson#mapper()}. Handlers answer with {@code ctx.jsonStream}: the
 * body is written once, as UTF-8 bytes, rather than as a string that is then encoded again.
 * Thread-safe.
 */
final class JsonBodyMapper implements JsonMapper {

  private final ObjectMapper mapper = ApiJson.mapper();
  private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

  @Override
  public String toJsonString(Object value, Type type) {
    try {
      return writer(type).writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public InputStream toJsonStream(Object value, Type type) {
    try {
      return new ByteArrayInputStream(writer(type).writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    try {
      return mapper.readValue(json, mapper.constructType(type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One writer per answered type, made at its first answer: a writer finds its serializer once. */
  private ObjectWriter writer(Type type) {
    return writers.computeIfAbsent(type, t -> mapper.writerFor(mapper.constructType(t)));
  }
}
