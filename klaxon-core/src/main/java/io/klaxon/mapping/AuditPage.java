package io.klaxon.mapping;

import java.util.List;

/** One page of the audit log, and how many entries match in all. */
public record AuditPage(List<MappingAuditEntry> entries, long total) {

  public AuditPage {
    entries = List.copyOf(entries);
  }
}
