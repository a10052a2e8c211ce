package io.klaxon.bench.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps the load generator on this machine: a target must be {@code localhost} or a loopback
 * address literal. Names other than localhost are refused without being looked up, so that no
 * resolver can point the load elsewhere.
 */
public final class Loopback {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Loopback() {}

  /**
   * The URL, as a URI without a trailing slash.
   *
   * @throws IllegalArgumentException naming why, when it is not an http(s) URL on loopback
   */
  public static URI require(String url) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url '" + url + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "--url must start with http:// or https://, not '" + url + "'");
    }
    String host = uri.getHost();
    if (host == null || !isLoopback(host)) {
      throw new IllegalArgumentException(
          "refusing --url "
              + url
              + ": the load generator only targets this machine "
              + "(localhost, 127.0.0.0/8 or [::1])");
    }
    return uri;
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean literal = IPV4.matcher(host).matches() || host.startsWith("[");
    if (!literal) {
      return false;
    }
    try {
      // A literal address is parsed, never resolved.
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
