package io.klaxon.server.notify;

import org.jspecify.annotations.Nullable;

/**
 * The {@code global} settings of an {@code alertmanager.yml} that receivers fall back on.
 *
 * @param smtpRequireTls Alertmanager's default is true
 */
record AmGlobal(
    @Nullable String smtpFrom,
    @Nullable String smtpSmarthost,
    @Nullable String smtpUsername,
    @Nullable String smtpPassword,
    boolean smtpRequireTls,
    @Nullable String slackApiUrl,
    @Nullable String pagerdutyUrl,
    @Nullable String opsgenieApiUrl,
    @Nullable String opsgenieApiKey,
    @Nullable String telegramApiUrl) {

  static final AmGlobal NONE =
      new AmGlobal(null, null, null, null, true, null, null, null, null, null);

  static AmGlobal read(@Nullable AmNode global) {
    if (global == null) {
      return NONE;
    }
    global.skip(
        "resolve_timeout",
        "a server setting in Klaxon: start it with --klaxon.alertmanager.resolve-timeout="
            + global.text("resolve_timeout"));
    global.skip("http_config", "Klaxon's receivers have no global HTTP client settings");
    for (String key :
        new String[] {
          "smtp_hello",
          "smtp_auth_identity",
          "smtp_auth_secret",
          "smtp_auth_secret_file",
          "smtp_tls_config",
          "smtp_force_implicit_tls"
        }) {
      global.skip(key, "Klaxon's email receiver has no such setting");
    }
    for (String key :
        new String[] {
          "victorops_api_url", "victorops_api_key", "victorops_api_key_file", "wechat_api_url",
          "wechat_api_secret", "wechat_api_corp_id", "webex_api_url", "jira_api_url",
          "rocketchat_api_url", "rocketchat_token", "rocketchat_token_file", "rocketchat_token_id",
          "rocketchat_token_id_file"
        }) {
      global.skip(key, "Klaxon has no receiver of this kind");
    }
    AmGlobal read =
        new AmGlobal(
            global.text("smtp_from"),
            global.text("smtp_smarthost"),
            global.text("smtp_auth_username"),
            global.secret("smtp_auth_password"),
            global.flag("smtp_require_tls", true),
            global.secret("slack_api_url"),
            global.text("pagerduty_url"),
            global.text("opsgenie_api_url"),
            global.secret("opsgenie_api_key"),
            global.text("telegram_api_url"));
    global.rest();
    return read;
  }
}
