package io.klaxon.server.notify;

import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Message;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.Receiver;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/** Sends a message as one email, plain text and HTML, over the receiver's SMTP server. */
final class EmailDelivery {

  /** SMTP's "requested mail action okay, completed", what an accepted message was answered. */
  static final int SMTP_OK = 250;

  private final Payloads payloads;
  private final Duration connectTimeout;
  private final Duration sendTimeout;

  EmailDelivery(Payloads payloads, Duration connectTimeout, Duration sendTimeout) {
    this.payloads = payloads;
    this.connectTimeout = connectTimeout;
    this.sendTimeout = sendTimeout;
  }

  DeliveryResult send(Receiver.Email receiver, Message message) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(receiver.smtpHost());
    sender.setPort(receiver.smtpPort());
    sender.setUsername(receiver.username());
    sender.setPassword(receiver.password());
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", String.valueOf(connectTimeout.toMillis()));
    properties.put("mail.smtp.timeout", String.valueOf(sendTimeout.toMillis()));
    properties.put("mail.smtp.writetimeout", String.valueOf(sendTimeout.toMillis()));
    properties.put("mail.smtp.auth", String.valueOf(receiver.username() != null));
    properties.put("mail.smtp.starttls.enable", String.valueOf(receiver.startTls()));
    properties.put("mail.smtp.starttls.required", String.valueOf(receiver.startTls()));
    sender.setJavaMailProperties(properties);
    try {
      MimeMessage mime = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(receiver.from());
      helper.setTo(receiver.to().toArray(String[]::new));
      helper.setSubject("Klaxon: " + Payloads.summary(message));
      helper.setText(plain(message), html(message));
      mime.setHeader("X-Klaxon-Idempotency-Key", message.notification().idempotencyKey());
      sender.send(mime);
      return DeliveryResult.delivered(SMTP_OK);
    } catch (MessagingException | MailException e) {
      return DeliveryResult.failed(
          null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private String plain(Message message) {
    StringBuilder text = new StringBuilder();
    for (Message.Entry entry : message.entries()) {
      NotificationItem item = entry.item();
      text.append('[')
          .append(item.severity().word())
          .append("] ")
          .append(item.occasion().word())
          .append(": ")
          .append(item.title())
          .append('\n')
          .append("  status ")
          .append(item.status().word())
          .append(", at ")
          .append(item.at())
          .append('\n')
          .append("  ")
          .append(payloads.alertUrl(item.alertId()))
          .append('\n');
      String ack = payloads.ackUrl(message, item);
      if (ack != null) {
        text.append("  acknowledge: ").append(ack).append('\n');
      }
      text.append('\n');
    }
    text.append("Notification ").append(message.notification().idempotencyKey()).append('\n');
    return text.toString();
  }

  private String html(Message message) {
    StringBuilder html = new StringBuilder("<html><body><ul>");
    for (Message.Entry entry : message.entries()) {
      NotificationItem item = entry.item();
      html.append("<li><strong>")
          .append(HtmlUtils.htmlEscape(item.severity().word()))
          .append("</strong> ")
          .append(HtmlUtils.htmlEscape(item.occasion().word()))
          .append(": <a href=\"")
          .append(HtmlUtils.htmlEscape(payloads.alertUrl(item.alertId())))
          .append("\">")
          .append(HtmlUtils.htmlEscape(item.title()))
          .append("</a> (")
          .append(HtmlUtils.htmlEscape(item.status().word()))
          .append(")");
      String ack = payloads.ackUrl(message, item);
      if (ack != null) {
        html.append(" · <a href=\"").append(HtmlUtils.htmlEscape(ack)).append("\">Acknowledge</a>");
      }
      html.append("</li>");
    }
    return html.append("</ul></body></html>").toString();
  }
}
