package io.klaxon.notify;

import java.net.URI;

/**
 * A receiver that is a hosted paging, chat or push service, reached over HTTPS at {@link #url()}:
 * the service's own address by default, another for a self-hosted server, a region or a test.
 */
public sealed interface ServiceReceiver extends Receiver
    permits PagerDuty, Opsgenie, Teams, Telegram, Discord, Mattermost, Ntfy, Gotify, Pushover {

  /** Where the service's API is (its base URL), or the webhook URL for webhook-style services. */
  URI url();
}
