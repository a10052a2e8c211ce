package io.klaxon.mapping;

/** Sizes of the registry's fields: the same in the API, the core and the schema. */
public final class MappingLimits {

  /** Canonical ids and outcome names: the seed's {@code canonical_id VARCHAR(100)}. */
  public static final int CANONICAL_ID = 100;

  public static final int NAME = 255;
  public static final int SOURCE = 50;

  /** Market ids given by a source: the seed's {@code external_market_id VARCHAR(100)}. */
  public static final int EXTERNAL_ID = 100;

  public static final int ACTOR = 255;

  /** Reasons and notes. */
  public static final int TEXT = 10_000;

  public static final int MAX_SOURCES = 100;
  public static final int MAX_OUTCOMES = 200;
  public static final int MAX_SAMPLE_OUTCOMES = 50;

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  private MappingLimits() {}
}
