package io.klaxon.server.mapping;

import org.jspecify.annotations.Nullable;

/** The optional body of activate and deactivate: why, for the audit log. */
record ReasonRequest(@Nullable String reason) {}
