package io.klaxon.server.notify;

import io.klaxon.notify.Receiver;
import io.klaxon.notify.ServiceReceiver;
import io.klaxon.problem.InvalidInput;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps receivers from turning the server into a proxy against internal addresses: with {@code
 * klaxon.notify.allowed-hosts} empty, a receiver's host must resolve to public addresses only (no
 * loopback, private, link-local, unique-local, multicast or wildcard address); with it set, the
 * host must be one of the listed names or addresses. Checked when a receiver is configured and
 * again before every send (a name may resolve differently later).
 */
final class TargetGuard {

  private final Set<String> allowed;

  TargetGuard(List<String> allowedHosts) {
    this.allowed =
        allowedHosts.stream()
            .map(String::strip)
            .filter(host -> !host.isEmpty())
            .map(host -> host.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * @throws InvalidInput naming the receiver's host field when it may not be reached
   */
  void check(Receiver receiver) {
    switch (receiver) {
      case Receiver.Webhook webhook -> check("url", webhook.url().getHost());
      case Receiver.Slack slack -> check("url", slack.url().getHost());
      case Receiver.Email email -> check("smtpHost", email.smtpHost());
      case ServiceReceiver service -> check("url", service.url().getHost());
    }
  }

  private void check(String field, String rawHost) {
    String host = rawHost.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!allowed.isEmpty()) {
      if (!allowed.contains(host)) {
        throw new InvalidInput(
            field,
            "host '"
                + host
                + "' is not in klaxon.notify.allowed-hosts "
                + allowed.stream().sorted().toList());
      }
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new InvalidInput(field, "host '" + host + "' does not resolve");
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        throw new InvalidInput(
            field,
            "host '"
                + host
                + "' is an internal address ("
                + address.getHostAddress()
                + "); list it in klaxon.notify.allowed-hosts to allow it");
      }
    }
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) != 0xfc; // fc00::/7, unique local
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    // 0/8 "this network", 100.64/10 shared (carrier-grade NAT), 198.18/15 benchmarking.
    return first != 0
        && !(first == 100 && second >= 64 && second < 128)
        && !(first == 198 && (second == 18 || second == 19));
  }
}
