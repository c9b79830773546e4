package dev.rchashmap.processor.model;

/** Package and class names the processor refers to without linking against them. */
public final class Names {
  /** The runtime package that generated code calls into. */
  public static final String RUNTIME_PACKAGE = "dev.rchashmap.runtime";

  /** The qualified name of {@code @GenerateMaps}. */
  public static final String GENERATE_MAPS = "dev.rchashmap.annotations.GenerateMaps";

  /** The qualified name of the container of repeated {@code @GenerateMaps}. */
  public static final String GENERATE_MAPS_LIST = GENERATE_MAPS + ".List";

  /** The qualified name of the runtime interface for reference-key equivalences. */
  public static final String EQUIVALENCE = RUNTIME_PACKAGE + ".Equivalence";

  /**
   * The qualified name of the processor, the value of {@code @Generated}: a constant, so that
   * the generator does not depend on the processor class that calls it.
   */
  public static final String PROCESSOR = "dev.rchashmap.processor.GenerateMapsProcessor";

  /** The qualified name of the runtime interface for lookups by a borrowed form. */
  public static final String BORROWED_EQUIVALENCE = RUNTIME_PACKAGE + ".BorrowedEquivalence";

  /** The qualified name of the {@code @Generated} annotation put on generated classes. */
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private Names() {}
}
