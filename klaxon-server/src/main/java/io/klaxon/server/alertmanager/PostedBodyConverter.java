package io.klaxon.server.alertmanager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.SmartHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /api/v2/alerts} in one streaming pass straight into the alerts,
 * without a JSON tree (the tree and the mapping of its nodes were a tenth of the request's CPU in
 * the issue 22 profile). Only a body of Prometheus's plain shape whose alerts are all valid is read
 * so; any other body is handed, byte for byte, to the converter that would read it as a {@link
 * JsonNode} without this one, so that it is read, refused and worded exactly as before.
 */
final class PostedBodyConverter implements HttpMessageConverter<PostedBody> {

  /** Room for the alerts of a usual request (the side-by-side posts 100), read without growing. */
  private static final int TYPICAL_ALERTS = 128;

  private final List<HttpMessageConverter<?>> others;

  /**
   * @param others the converters this one goes before, in their order: the first that reads a
   *     {@link JsonNode} of a media type reads every body of it that is not plain
   */
  PostedBodyConverter(List<HttpMessageConverter<?>> others) {
    this.others = List.copyOf(others);
  }

  @Override
  public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
    return type == PostedBody.class && treeReader(mediaType) != null;
  }

  @Override
  public boolean canWrite(Class<?> type, @Nullable MediaType mediaType) {
    return false;
  }

  @Override
  public List<MediaType> getSupportedMediaTypes() {
    Set<MediaType> types = new LinkedHashSet<>();
    for (HttpMessageConverter<?> other : others) {
      types.addAll(other.getSupportedMediaTypes(JsonNode.class));
    }
    return new ArrayList<>(types);
  }

  @Override
  public List<MediaType> getSupportedMediaTypes(Class<?> type) {
    return type == PostedBody.class ? getSupportedMediaTypes() : List.of();
  }

  @Override
  public PostedBody read(Class<? extends PostedBody> type, HttpInputMessage input)
      throws IOException {
    MediaType mediaType = input.getHeaders().getContentType();
    HttpMessageConverter<?> tree = treeReader(mediaType);
    if (tree == null) {
      throw new HttpMessageNotReadableException("no converter reads " + mediaType, input);
    }
    if (!(tree instanceof AbstractJacksonHttpMessageConverter<?> jackson
        && jackson.getMapper() instanceof JsonMapper json
        && isUtf8(mediaType))) {
      return new PostedBody.Tree(readTree(tree, input));
    }
    byte[] body = bytes(input);
    List<PostedAlert> alerts;
    try (JsonParser parser = json.createParser(body)) {
      alerts = readPlain(parser);
    } catch (JacksonException notJson) {
      alerts = null; // the tree reader refuses it in its own words
    }
    if (alerts != null) {
      return new PostedBody.Alerts(alerts);
    }
    return new PostedBody.Tree(readTree(tree, new Buffered(input.getHeaders(), body)));
  }

  /**
   * The body's bytes, read into one array of its declared length when it declares one ({@code
   * BodySizeLimit} refused a declared length over {@code klaxon.api.max-body-size} before it came
   * here): {@code readAllBytes} reads into 16 KiB chunks and copies them into the array it answers,
   * for every request.
   */
  private static byte[] bytes(HttpInputMessage input) throws IOException {
    long declared = input.getHeaders().getContentLength();
    InputStream in = input.getBody();
    if (declared < 0 || declared >= Integer.MAX_VALUE) {
      return in.readAllBytes();
    }
    byte[] body = new byte[(int) declared];
    int read = in.readNBytes(body, 0, body.length);
    return read == body.length ? body : Arrays.copyOf(body, read);
  }

  @Override
  public void write(PostedBody body, @Nullable MediaType contentType, HttpOutputMessage output) {
    throw new UnsupportedOperationException("a posted body is only read");
  }

  /**
   * The alerts of a plain body, or null when it is not plain (see {@link PostedAlert#readPlain}).
   */
  private static @Nullable List<PostedAlert> readPlain(JsonParser parser) {
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      return null;
    }
    List<PostedAlert> alerts = new ArrayList<>(TYPICAL_ALERTS);
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      // The intake words the refusal of too many alerts, from the tree.
      if (token != JsonToken.START_OBJECT || alerts.size() == AlertIntake.MAX_ALERTS) {
        return null;
      }
      PostedAlert alert = PostedAlert.readPlain(parser);
      if (alert == null) {
        return null;
      }
      alerts.add(alert);
    }
    return parser.nextToken() == null ? alerts : null;
  }

  private @Nullable HttpMessageConverter<?> treeReader(@Nullable MediaType mediaType) {
    for (HttpMessageConverter<?> other : others) {
      boolean reads =
          other instanceof SmartHttpMessageConverter<?> smart
              ? smart.canRead(ResolvableType.forClass(JsonNode.class), mediaType)
              : other.canRead(JsonNode.class, mediaType);
      if (reads) {
        return other;
      }
    }
    return null;
  }

  private static JsonNode readTree(HttpMessageConverter<?> tree, HttpInputMessage input)
      throws IOException {
    Object body =
        tree instanceof SmartHttpMessageConverter<?> smart
            ? smart.read(ResolvableType.forClass(JsonNode.class), input, null)
            : readAs(tree, input);
    if (body instanceof JsonNode node) {
      return node;
    }
    // JSON's null: answered as a missing body, as without this converter.
    throw new HttpMessageNotReadableException("the body holds no JSON value", input);
  }

  @SuppressWarnings("unchecked")
  private static Object readAs(HttpMessageConverter<?> tree, HttpInputMessage input)
      throws IOException {
    return ((HttpMessageConverter<Object>) tree).read(JsonNode.class, input);
  }

  private static boolean isUtf8(@Nullable MediaType mediaType) {
    Charset charset = mediaType == null ? null : mediaType.getCharset();
    return charset == null || charset.equals(StandardCharsets.UTF_8);
  }

  /** The body read already, for the tree reader. */
  private static final class Buffered implements HttpInputMessage {

    private final HttpHeaders headers;
    private final byte[] body;

    Buffered(HttpHeaders headers, byte[] body) {
      this.headers = headers;
      this.body = body;
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }
  }
}
