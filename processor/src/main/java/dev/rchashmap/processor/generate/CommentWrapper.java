package dev.rchashmap.processor.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills the comments of generated source as prose, to the line width. Templates write Javadoc and
 * line comments with named arguments whose length depends on type and class names, so their line
 * breaks are settled here, once, for every generated file: each paragraph is joined and filled
 * again, so no line is left short in the middle of a sentence.
 *
 * <p>A Javadoc paragraph ends at a blank line, and one starts at {@code <p>}, {@code <li>}, a block
 * tag ({@code @param}, {@code @return}, ...) or any HTML block tag; block tags continue with a
 * four-space indent; {@code <pre>} blocks are kept as they are. A run of line comments ({@code
 * //}) with the same indentation is one paragraph. Inline tags such as {@code {@link Foo#bar()}}
 * are never split across lines.
 */
final class CommentWrapper {
  /** Inline tags up to this length are kept on one line. */
  private static final int LONGEST_UNBROKEN_TAG = 40;

  private CommentWrapper() {}

  /** Returns {@code source} with every comment filled to {@code width}. */
  static String wrap(String source, int width) {
    String[] lines = source.split("\n", -1);
    List<String> out = new ArrayList<>(lines.length + 16);
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      String trimmed = line.strip();
      int indent = line.length() - line.stripLeading().length();
      if (trimmed.equals("/**")) {
        out.add(line);
        i = javadoc(lines, i + 1, indent, width, out);
      } else if (trimmed.startsWith("// ")) {
        List<String> words = new ArrayList<>();
        while (i < lines.length && isLineComment(lines[i], indent)) {
          words.addAll(words(lines[i].strip().substring(3)));
          i++;
        }
        fill(words, " ".repeat(indent) + "// ", " ".repeat(indent) + "// ", width, out);
      } else {
        out.add(line);
        i++;
      }
    }
    return String.join("\n", out);
  }

  private static boolean isLineComment(String line, int indent) {
    return line.startsWith(" ".repeat(indent) + "// ");
  }

  /** Fills the body of a Javadoc comment that starts after line {@code start - 1}. */
  private static int javadoc(String[] lines, int start, int indent, int width, List<String> out) {
    String prefix = " ".repeat(indent) + " * ";
    List<String> paragraph = new ArrayList<>();
    boolean tag = false;
    boolean pre = false;
    int i = start;
    for (; i < lines.length; i++) {
      String line = lines[i];
      String content = line.strip();
      if (content.equals("*/")) {
        flush(paragraph, tag, prefix, width, out);
        out.add(line);
        return i + 1;
      }
      content = content.equals("*") ? "" : content.substring(2);
      if (pre || content.startsWith("<pre>")) {
        flush(paragraph, tag, prefix, width, out);
        out.add(line);
        pre = !content.endsWith("</pre>");
        continue;
      }
      if (content.isEmpty()) {
        flush(paragraph, tag, prefix, width, out);
        out.add(" ".repeat(indent) + " *");
        continue;
      }
      if (startsParagraph(content)) {
        flush(paragraph, tag, prefix, width, out);
        tag = content.startsWith("@");
      }
      paragraph.addAll(words(content));
    }
    throw new IllegalStateException("unclosed Javadoc comment in generated source");
  }

  private static boolean startsParagraph(String content) {
    return content.startsWith("@") || content.startsWith("<p>") || content.startsWith("<li>")
        || content.startsWith("<ul>") || content.startsWith("</ul>") || content.startsWith("<ol>")
        || content.startsWith("</ol>");
  }

  private static void flush(List<String> paragraph, boolean tag, String prefix, int width, List<String> out) {
    if (!paragraph.isEmpty()) {
      fill(paragraph, prefix, tag ? prefix + "    " : prefix, width, out);
      paragraph.clear();
    }
  }

  /** Fills {@code words} into lines of at most {@code width} (a longer word gets a line of its own). */
  private static void fill(List<String> words, String first, String next, int width, List<String> out) {
    StringBuilder line = new StringBuilder(first);
    int empty = first.length();
    for (String word : words) {
      if (line.length() > empty && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line.setLength(0);
        line.append(next);
        empty = next.length();
      }
      if (line.length() > empty) {
        line.append(' ');
      }
      line.append(word);
    }
    out.add(line.toString());
  }

  /**
   * The words of a line, keeping each inline tag ({@code {@link A b}}) whole unless it is longer
   * than {@link #LONGEST_UNBROKEN_TAG}: a long {@code {@code ...}} breaks at its spaces like prose.
   */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : tagWords(text)) {
      if (word.length() > LONGEST_UNBROKEN_TAG) {
        words.addAll(List.of(word.split(" ")));
      } else {
        words.add(word);
      }
    }
    return words;
  }

  /** The words of a line where every inline tag counts as one word. */
  private static List<String> tagWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        braces++;
      } else if (c == '}' && braces > 0) {
        braces--;
      }
      if (c == ' ' && braces == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }
}
