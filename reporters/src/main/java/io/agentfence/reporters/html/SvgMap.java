package io.agentfence.reporters.html;

import static io.agentfence.reporters.html.Html.cut;
import static io.agentfence.reporters.html.Html.esc;

import io.agentfence.finding.Status;
import io.agentfence.reporters.runtime.ContainmentMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link ContainmentMap} as static SVG: one band per lane, links as boxes left to right,
 * the judged link coloured by its verdict (red broken, grey unknown, green verified). Styling is by
 * class only (the page's CSP allows no style attributes); each box's full text is in its
 * {@code <title>}.
 */
final class SvgMap {
  static final int LABEL = 110;
  static final int COL = 236;
  static final int BOX_W = 216;
  static final int BOX_H = 38;
  static final int ROW = 48;
  static final int PAD = 10;

  private SvgMap() {}

  static String draw(ContainmentMap map, String title) {
    int rows = 0;
    int depth = 0;
    for (List<ContainmentMap.Node> lane : map.lanes().values()) {
      if (lane.isEmpty()) {
        continue;
      }
      rows += lane.stream().mapToInt(ContainmentMap.Node::span).sum();
      depth = Math.max(depth, lane.stream().mapToInt(SvgMap::depth).max().orElse(0));
    }
    int width = LABEL + (depth + 1) * COL + PAD;
    int height = Math.max(rows, 1) * ROW + 2 * PAD;
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" role=\"img\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\"><title>").append(esc(title)).append("</title>");
    int row = 0;
    for (Map.Entry<ContainmentMap.Lane, List<ContainmentMap.Node>> lane : map.lanes().entrySet()) {
      if (lane.getValue().isEmpty()) {
        continue;
      }
      int span = lane.getValue().stream().mapToInt(ContainmentMap.Node::span).sum();
      int top = PAD + row * ROW;
      b.append("<g class=\"lane\" data-lane=\"").append(lane.getKey().name().toLowerCase()).append("\">");
      b.append("<rect class=\"band\" x=\"0\" y=\"").append(top - 4).append("\" width=\"").append(width)
          .append("\" height=\"").append(span * ROW).append("\"/>");
      b.append("<text class=\"lane-label\" x=\"8\" y=\"").append(top + BOX_H / 2 + 4).append("\">")
          .append(esc(lane.getKey().title())).append("</text>");
      int r = row;
      for (ContainmentMap.Node n : lane.getValue()) {
        node(b, n, r, -1, 0);
        r += n.span();
      }
      b.append("</g>");
      row += span;
    }
    return b.append("</svg>").toString();
  }

  private static int depth(ContainmentMap.Node n) {
    return n.children().stream().mapToInt(SvgMap::depth).max().orElse(n.depth());
  }

  /** Draws {@code n} at {@code row} (its first leaf row) and its subtree; an edge from the parent's box. */
  private static void node(StringBuilder b, ContainmentMap.Node n, int row, int parentRow, int parentDepth) {
    int x = LABEL + n.depth() * COL;
    int y = PAD + row * ROW;
    String cls = !n.judgedAtAll() ? "hop" : switch (n.status()) {
      case FAIL -> "fail";
      case UNKNOWN -> "unknown";
      case PASS -> "pass";
    };
    if (parentRow >= 0) {
      int px = LABEL + parentDepth * COL + BOX_W;
      int py = PAD + parentRow * ROW + BOX_H / 2;
      b.append("<path class=\"edge ").append(cls).append("\" d=\"M").append(px).append(' ').append(py)
          .append(" C").append(px + 10).append(' ').append(py).append(' ').append(x - 10).append(' ')
          .append(y + BOX_H / 2).append(' ').append(x).append(' ').append(y + BOX_H / 2).append("\"/>");
    }
    String head = n.link().kind() + " " + n.link().id();
    String note = n.link().note();
    StringBuilder tip = new StringBuilder(n.link().render());
    n.judged().forEach(e -> tip.append("\n").append(e.finding().status()).append(' ').append(e.finding().ruleId())
        .append(": ").append(e.finding().message()));
    b.append("<g class=\"node ").append(cls).append("\"><title>").append(esc(tip.toString())).append("</title>")
        .append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_W)
        .append("\" height=\"").append(BOX_H).append("\" rx=\"5\"/>")
        .append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 15).append("\">")
        .append(esc(cut(head, 31))).append("</text>");
    String second = n.judgedAtAll() && n.status() != Status.PASS
        ? n.status() + " " + String.join(",", n.judged().stream().map(e -> e.finding().ruleId()).distinct().toList())
        : note;
    if (!second.isEmpty()) {
      b.append("<text class=\"sub\" x=\"").append(x + 6).append("\" y=\"").append(y + 30).append("\">")
          .append(esc(cut(second, 32))).append("</text>");
    }
    b.append("</g>");
    int r = row;
    for (ContainmentMap.Node c : n.children()) {
      node(b, c, r, row, n.depth());
      r += c.span();
    }
  }
}
