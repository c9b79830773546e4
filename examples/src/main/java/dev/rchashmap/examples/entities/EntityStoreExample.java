package dev.rchashmap.examples.entities;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import java.io.PrintStream;

/**
 * A game-style entity store: {@code LongObjHandleHashMap<Entity>} maps entity ids to entities.
 * Systems look an entity up once and keep its handle; every later access is two array reads, no
 * hashing. When an entity is deleted and its slot reused, old handles are detected as stale
 * instead of silently reaching the new entity.
 */
public final class EntityStoreExample {

  /** A mutable game entity. */
  static final class Entity {
    final String name;
    int health;

    Entity(String name, int health) {
      this.name = name;
      this.health = health;
    }

    @Override
    public String toString() {
      return name + "(hp=" + health + ")";
    }
  }

  private EntityStoreExample() {}

  /**
   * Runs the example.
   *
   * @param out where to print what it shows
   */
  public static void run(PrintStream out) {
    // Room for two entities, as in a small arena: a third one reuses a freed slot.
    LongObjHandleHashMap<Entity> entities = new LongObjHandleHashMap<>(2);
    long orc = entities.insert(1001L, new Entity("orc", 30));
    long elf = entities.insert(1002L, new Entity("elf", 25));
    out.println("spawned " + entities.size() + " entities: " + entities);

    // A combat system keeps handles, not ids: no hashing on each hit.
    for (int hit = 0; hit < 3; hit++) {
      entities.value(orc).health -= 10;
    }
    out.println("orc after three hits: " + entities.value(orc));

    entities.remove(orc);
    out.println("orc died; handle " + Handles.toString(orc) + " live? " + entities.contains(orc));

    // The store is full, so the next entity reuses the freed slot, but the old handle cannot reach
    // it. (A store with room to spare hands out fresh slots first, and reuses the slot freed
    // longest ago after that, so that reuse spreads over all slots.)
    long troll = entities.insert(1003L, new Entity("troll", 80));
    out.println(
        "troll spawned in slot " + Handles.index(troll) + " (orc had slot " + Handles.index(orc) + ")");
    try {
      entities.value(orc);
      out.println("BUG: the stale orc handle reached " + entities.value(orc));
    } catch (StaleHandleException e) {
      out.println("stale handle rejected: " + e.getMessage());
    }

    out.println("lookup by id 1002: " + entities.value(entities.find(1002L)));
    out.println("elf handle still live: " + entities.contains(elf) + ", final store: " + entities);
  }
}
