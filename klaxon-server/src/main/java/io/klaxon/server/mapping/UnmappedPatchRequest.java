package io.klaxon.server.mapping;

import org.jspecify.annotations.Nullable;

/** The body of PATCH /api/unmapped/{id}: a status word, notes ("" clears them), or both. */
record UnmappedPatchRequest(@Nullable String status, @Nullable String notes) {}
