package dev.rchashmap.processor.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A class template: the Java source of one generated class, written once for every
 * specialization, kept as a resource next to this class ({@code templates/*.java.txt}).
 *
 * <p>A template is Java with three additions, each kept small on purpose:
 *
 * <ul>
 *   <li>JavaPoet named arguments such as {@code $key:T} or {@code $simpleName:S}, filled from the
 *       {@link Bindings} of the specialization ({@code $$} is a dollar sign, {@code $W} a place
 *       where JavaPoet may wrap a long line);
 *   <li>conditional lines: {@code #if flag}, {@code #elif flag}, {@code #else} and {@code #end},
 *       each alone on its line, where a condition is a variation point of {@link Bindings} such as
 *       {@code keyIsReference}, optionally negated with {@code !} and joined with {@code &&} or
 *       {@code ||} ({@code &&} binds tighter);
 *   <li>{@code #include Name}, which puts the selected lines of the template {@code Name} in its
 *       place, so that members two layers share are written once;
 *   <li>comment lines for the template's reader, starting with {@code ##}, which are dropped.
 * </ul>
 *
 * <p>Selecting the lines of one specialization ({@link #select}) gives plain Java with named
 * arguments, which {@link TemplateParser} turns into JavaPoet specs.
 */
final class Template {
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();

  private final String name;
  private final List<String> lines;

  private Template(String name, List<String> lines) {
    this.name = name;
    this.lines = lines;
  }

  /** The template named {@code name}, such as {@code HandleHashMap}, read once per processor. */
  static Template named(String name) {
    return CACHE.computeIfAbsent(name, Template::load);
  }

  private static Template load(String name) {
    String resource = "templates/" + name + ".java.txt";
    try (InputStream in = Template.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("template resource " + resource + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Template(name, List.of(text.split("\n", -1)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + resource, e);
    }
  }

  /** The template's name, for error messages. */
  String name() {
    return name;
  }

  /**
   * Returns the lines that apply to a specialization, with their line numbers in the template:
   * directives and {@code ##} comments removed, conditional lines kept only where their condition
   * holds.
   *
   * @param flags whether a variation point holds; throws for an unknown name
   */
  List<Line> select(Predicate<String> flags) {
    List<Line> selected = new ArrayList<>(lines.size());
    // One frame per open #if: whether its lines are kept, and whether a branch was already taken.
    Deque<boolean[]> open = new ArrayDeque<>();
    boolean keeping = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String directive = line.strip();
      int number = i + 1;
      if (directive.startsWith("##")) {
        continue;
      }
      if (directive.startsWith("#if ")) {
        boolean parentKeeps = keeping;
        boolean holds = parentKeeps && evaluate(directive.substring(4), flags, number);
        open.push(new boolean[] {parentKeeps, holds});
        keeping = holds;
      } else if (directive.startsWith("#elif ")) {
        boolean[] frame = frame(open, "#elif", number);
        boolean holds = frame[0] && !frame[1] && evaluate(directive.substring(6), flags, number);
        frame[1] |= holds;
        keeping = holds;
      } else if (directive.equals("#else")) {
        boolean[] frame = frame(open, "#else", number);
        keeping = frame[0] && !frame[1];
        frame[1] = true;
      } else if (directive.equals("#end")) {
        keeping = frame(open, "#end", number)[0];
        open.pop();
      } else if (directive.startsWith("#include ")) {
        if (keeping) {
          selected.addAll(named(directive.substring(9).strip()).select(flags));
        }
      } else if (directive.startsWith("#")) {
        throw error(number, "unknown directive " + directive);
      } else if (keeping) {
        selected.add(new Line(this, number, line));
      }
    }
    if (!open.isEmpty()) {
      throw error(lines.size(), "an #if is not closed by #end");
    }
    return selected;
  }

  private boolean[] frame(Deque<boolean[]> open, String directive, int number) {
    if (open.isEmpty()) {
      throw error(number, directive + " without #if");
    }
    return open.peek();
  }

  /** Evaluates {@code a && !b || c}: {@code ||} of {@code &&} of possibly negated flags. */
  private boolean evaluate(String condition, Predicate<String> flags, int number) {
    for (String alternative : condition.split("\\|\\|")) {
      boolean all = true;
      for (String term : alternative.split("&&")) {
        String flag = term.strip();
        boolean negated = flag.startsWith("!");
        if (negated) {
          flag = flag.substring(1).strip();
        }
        if (!flag.matches("[a-z][A-Za-z0-9]*")) {
          throw error(number, "bad condition: " + condition);
        }
        all &= flags.test(flag) != negated;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** An error in this template, at a line. */
  IllegalStateException error(int line, String message) {
    return new IllegalStateException("template " + name + ", line " + line + ": " + message);
  }

  /** A selected line of a template, with the template it comes from and its number there. */
  record Line(Template template, int number, String text) {
    /** An error in the template, at this line. */
    IllegalStateException error(String message) {
      return template.error(number, message);
    }
  }
}
