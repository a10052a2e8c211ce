package io.klaxon.server.oncall;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.oncall.AckToken;
import io.klaxon.problem.KlaxonException;
import io.klaxon.server.notify.AckLinks;
import io.klaxon.store.AlertStore;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The acknowledge link's pages, open without an API key (the link's signature is the credential):
 * {@code GET} only shows the alert and a button, so that link scanners acknowledge nothing; {@code
 * POST} acknowledges through the engine as the person or receiver the link was sent to. A forged
 * link is 403, an expired one 410, an alert already resolved, dismissed or expired 409.
 */
@Controller
class AckController {

  private final AckLinks links;
  private final AlertStore store;
  private final AlertEngine engine;

  AckController(AckLinks links, AlertStore store, AlertEngine engine) {
    this.links = links;
    this.store = store;
    this.engine = engine;
  }

  @GetMapping("/ack/{token}")
  String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
    return page(token, false, model, response);
  }

  @PostMapping("/ack/{token}")
  String acknowledge(@PathVariable String token, Model model, HttpServletResponse response) {
    return page(token, true, model, response);
  }

  private String page(String text, boolean act, Model model, HttpServletResponse response) {
    AckToken token;
    switch (links.check(text)) {
      case AckToken.Check.Forged forged -> {
        return refuse(
            model,
            response,
            403,
            "This link is not valid",
            "It was changed or is not a Klaxon link.");
      }
      case AckToken.Check.Expired expired -> {
        return refuse(
            model,
            response,
            410,
            "This link has expired",
            "It expired at " + expired.token().expiresAt() + "; acknowledge in the console.");
      }
      case AckToken.Check.Valid valid -> token = valid.token();
    }
    Optional<Alert> found = store.findById(token.alertId());
    if (found.isEmpty()) {
      return refuse(
          model, response, 404, "No such alert", "Alert " + token.alertId() + " is gone.");
    }
    Alert alert = found.get();
    model.addAttribute("alertTitle", alert.title());
    model.addAttribute("alertId", alert.id());
    model.addAttribute("status", alert.status().word());
    model.addAttribute("actor", token.actor());
    if (alert.status().isFinal()) {
      return refuse(
          model,
          response,
          409,
          "Nothing to acknowledge",
          "The alert is " + alert.status().word() + ".");
    }
    if (alert.status() == AlertStatus.ACKNOWLEDGED) {
      return show(model, "Already acknowledged", "By " + alert.acknowledgedBy() + ".", false, text);
    }
    if (!act) {
      return show(
          model,
          "Acknowledge this alert?",
          "Nothing changes until you press the button.",
          true,
          text);
    }
    CommandResult result =
        engine.apply(
            AlertCommand.Change.of(
                AlertRef.id(alert.id()), Transition.ACKNOWLEDGE, Actor.of(token.actor())));
    if (result.isRefused()) {
      KlaxonException refusal = result.refusal();
      String reason = refusal == null ? "" : refusal.getMessage();
      return refuse(model, response, 409, "Not acknowledged", reason);
    }
    Alert after = result.alert();
    model.addAttribute("status", after == null ? "acknowledged" : after.status().word());
    return show(model, "Acknowledged", "Acknowledged as " + token.actor() + ".", false, text);
  }

  private static String show(
      Model model, String heading, String text, boolean confirm, String token) {
    model.addAttribute("heading", heading);
    model.addAttribute("text", text);
    model.addAttribute("problem", false);
    model.addAttribute("confirm", confirm);
    model.addAttribute("action", "/ack/" + token);
    return "ack";
  }

  private static String refuse(
      Model model, HttpServletResponse response, int status, String heading, String text) {
    response.setStatus(status);
    model.addAttribute("heading", heading);
    model.addAttribute("text", text);
    model.addAttribute("problem", true);
    model.addAttribute("confirm", false);
    return "ack";
  }
}
