package io.klaxon.server.alertmanager;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v2/alerts} as {@link PostedBodyConverter} read it: the alerts
 * themselves when the body has Prometheus's plain shape and every alert is valid, else the JSON
 * tree, which {@link PostedAlert#read} reads again to word each fault as Alertmanager does.
 */
sealed interface PostedBody {

  /** Every alert of a plain, valid body, read in one streaming pass, in order. */
  record Alerts(List<PostedAlert> alerts) implements PostedBody {}

  /** A body that is not plainly valid, as a tree. */
  record Tree(JsonNode body) implements PostedBody {}
}
