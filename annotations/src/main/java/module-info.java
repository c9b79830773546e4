/**
 * The annotation that asks the rchashmap processor to generate specialized maps.
 *
 * <p>Only {@link dev.rchashmap.annotations.GenerateMaps} and {@link dev.rchashmap.annotations.Layer}
 * live here, so that user code depends on nothing else at compile time.
 */
module dev.rchashmap.annotations {
  exports dev.rchashmap.annotations;
}
