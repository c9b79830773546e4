package dev.rchashmap.tests.model;

/**
 * One step of a random operation sequence. Keys and values are small {@code int} seeds that a
 * {@link Domain} turns into keys and values of the map under test, so that one generated sequence
 * fits every specialization and duplicates are frequent. A pick chooses among the live or stale
 * handles known to the model (modulo their number).
 */
sealed interface Op {

  /** Performs this step on the map and on the model, checking the map's answer. */
  void applyTo(ModelRun<?, ?> run);

  /** {@code insert(key, value)}; a duplicate must throw. */
  record Insert(int key, int value) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.insert(key, value);
    }
  }

  /** {@code tryInsert(key, value)}; a duplicate must return {@code NONE}. */
  record TryInsert(int key, int value) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.tryInsert(key, value);
    }
  }

  /** {@code insertWith(key, factory)}; the factory must run once for a new key, never else. */
  record InsertWith(int key, int value) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.insertWith(key, value);
    }
  }

  /** {@code find}, {@code containsKey} and {@code getOrDefault(key, value)}. */
  record Lookup(int key, int defaultValue) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.lookup(key, defaultValue);
    }
  }

  /** {@code remove(handle)} of a live entry; must return {@code true}. */
  record RemoveLive(int pick) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.removeLive(pick);
    }
  }

  /** {@code remove(handle)} of a stale handle (or {@code NONE}); must return {@code false}. */
  record RemoveStale(int pick) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.removeStale(pick);
    }
  }

  /** {@code setValue(handle, value)} of a live entry. */
  record SetValue(int pick, int value) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.setValue(pick, value);
    }
  }

  /** {@code clear()}. */
  record Clear() implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.clear();
    }
  }

  /** A full cursor pass that calls {@code cursor.remove()} on every {@code every}-th entry. */
  record CursorRemove(int every, int offset) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.cursorRemove(every, offset);
    }
  }

  /** A full cursor pass that calls {@code cursor.setValue} on every {@code every}-th entry. */
  record CursorSetValue(int every, int value) implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.cursorSetValue(every, value);
    }
  }

  /** {@code forEach}, which must visit exactly the model's entries. */
  record ForEach() implements Op {
    @Override
    public void applyTo(ModelRun<?, ?> run) {
      run.forEachMatchesModel();
    }
  }
}
