package dev.rchashmap.runtime;

/**
 * How a map finds a key by a borrowed form of it, without making the key: a reader that holds a
 * symbol's name in a {@code char[]} looks it up through a {@code CharSequence} over the buffer, and
 * a {@code String} is made only when the name is new (the answer of Rust's hashbrown, with its
 * {@code Equivalent} trait, and of Jackson's {@code CharsToNameCanonicalizer}).
 *
 * <p>Named by {@code @GenerateMaps(..., borrowed = X.class)} with a public no-argument
 * constructor; the generated maps then have {@code find(Q)}, {@code containsKey(Q)}, {@code
 * getOrDefault(Q, ...)} and {@code findOrInsert(Q, factory)} beside the methods that take a key.
 *
 * <p>Contract: {@code hash(probe)} equals the hash the map's key equivalence gives the key the
 * probe matches ({@code key.hashCode()} for the default equivalence); {@code matches(probe, key)}
 * holds exactly for that key; {@code toKey(probe)} makes that key. A borrowed equivalence whose
 * hash disagrees finds nothing it should: a bug the maps check, when assertions are on, each time
 * they make a key with {@code toKey}. All three must be pure and must not call the map.
 *
 * @param <K> the key type
 * @param <Q> the borrowed form, the probe
 */
public interface BorrowedEquivalence<K, Q> {

  /**
   * Returns the hash of the key {@code probe} denotes, as the map's key equivalence would hash it.
   *
   * @param probe the borrowed form of a key
   * @return that key's hash
   */
  int hash(Q probe);

  /**
   * Tells whether {@code probe} denotes {@code key}.
   *
   * @param probe the borrowed form of a key
   * @param key a key of the map
   * @return whether they are the same key
   */
  boolean matches(Q probe, K key);

  /**
   * Makes the key {@code probe} denotes, to be stored in the map; called only when the key is not
   * there yet.
   *
   * @param probe the borrowed form of a key
   * @return the key
   */
  K toKey(Q probe);
}
