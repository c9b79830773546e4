package dev.rchashmap.processor.generate;

/**
 * Reflows comment lines of generated source that run past the line width. JavaPoet writes Javadoc
 * and comments as given; the generator composes them from parts whose length depends on type and
 * class names, so the width is settled here, once, for every generated file.
 */
final class CommentWrapper {
  private CommentWrapper() {}

  /** Returns {@code source} with every Javadoc ({@code * }) or line comment ({@code // }) line wrapped to {@code width}. */
  static String wrap(String source, int width) {
    StringBuilder out = new StringBuilder(source.length() + 256);
    for (String line : source.split("\n", -1)) {
      wrapLine(line, width, out);
    }
    out.setLength(out.length() - 1); // the split kept the text after the last newline
    return out.toString();
  }

  private static void wrapLine(String line, int width, StringBuilder out) {
    String prefix = commentPrefix(line);
    String rest = line;
    while (prefix != null && rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= prefix.length()) {
        break; // one word longer than the line: leave it
      }
      out.append(rest, 0, cut).append('\n');
      rest = prefix + rest.substring(cut + 1);
    }
    out.append(rest).append('\n');
  }

  /** The text that starts a continuation line, or {@code null} for a line that is not a comment. */
  private static String commentPrefix(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    if (line.startsWith("* ", indent)) {
      return line.substring(0, indent) + "* ";
    }
    if (line.startsWith("// ", indent)) {
      return line.substring(0, indent) + "// ";
    }
    return null;
  }
}
