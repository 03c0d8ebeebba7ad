package io.agentfence.reporters.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report page's fixed parts: its stylesheet, its one script (the filters) and the
 * Content-Security-Policy that allows exactly those two by hash and nothing else — no network, no
 * inline handlers, no style attributes, no eval. The report works offline as one file.
 */
final class HtmlPage {
  private HtmlPage() {}

  static final String CSS = String.join("\n",
      "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 24px 48px;color:#1f2328;background:#fff}",
      "h1{font-size:22px;margin:20px 0 4px}h2{font-size:17px;margin:28px 0 6px}h3{font-size:14px;margin:14px 0 4px}",
      "code,.mono,td.id{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}",
      "table{border-collapse:collapse;margin:6px 0 10px}th,td{border-bottom:1px solid #d0d7de;padding:4px 10px;text-align:left;vertical-align:top}",
      "td.nw{white-space:nowrap}th{background:#f6f8fa;font-weight:600}.summary{color:#57606a;margin:0 0 12px}",
      ".v{display:inline-block;min-width:64px;text-align:center;border-radius:10px;padding:0 8px;font-weight:600;font-size:12px}",
      ".v-FAIL{background:#ffebe9;color:#a40e26;border:1px solid #ff8182}.v-UNKNOWN{background:#eaeef2;color:#424a53;border:1px solid #afb8c1}",
      ".v-PASS{background:#dafbe1;color:#116329;border:1px solid #4ac26b}",
      ".filters{display:flex;gap:14px;flex-wrap:wrap;padding:8px 10px;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px}",
      ".filters label{font-size:12.5px;color:#57606a}section.runtime{border:1px solid #d0d7de;border-radius:6px;padding:4px 14px 10px;margin:16px 0}",
      ".scroll{overflow-x:auto}svg.map{display:block;margin:6px 0}svg text{font:11px ui-monospace,Menlo,Consolas,monospace;fill:#1f2328}",
      "svg text.sub{fill:#57606a}svg text.lane-label{font:600 12px system-ui,sans-serif;fill:#57606a}svg rect.band{fill:#f6f8fa}",
      "svg g.lane:nth-of-type(even) rect.band{fill:#fff}",
      "svg .node rect{fill:#fff;stroke:#8c959f;stroke-width:1.2}svg .node.pass rect{fill:#dafbe1;stroke:#1a7f37}",
      "svg .node.fail rect{fill:#ffebe9;stroke:#cf222e;stroke-width:2.4}svg .node.fail text{fill:#a40e26;font-weight:600}",
      "svg .node.unknown rect{fill:#eaeef2;stroke:#6e7781;stroke-dasharray:4 3}",
      "svg path.edge{fill:none;stroke:#8c959f;stroke-width:1.4}svg path.edge.fail{stroke:#cf222e;stroke-width:2.4}",
      "svg path.edge.unknown{stroke:#8c959f;stroke-dasharray:4 3}svg path.edge.pass{stroke:#1a7f37}",
      "ul.links{margin:6px 0;padding-left:18px}ul.links li{margin:4px 0}li.fail{color:#a40e26}li.unknown{color:#424a53}",
      ".remedy{color:#1f2328;font-size:13px}.legend span{margin-right:12px}");

  static final String SCRIPT = String.join("\n",
      "(function () {",
      "  var selects = document.querySelectorAll('select[data-filter]');",
      "  function matches(el, key, want) {",
      "    var have = ' ' + (el.getAttribute('data-' + key) || '') + ' ';",
      "    return have.indexOf(' ' + want + ' ') >= 0;",
      "  }",
      "  function apply() {",
      "    var items = document.querySelectorAll('[data-filterable]');",
      "    for (var i = 0; i < items.length; i++) {",
      "      var show = true;",
      "      for (var j = 0; j < selects.length; j++) {",
      "        var want = selects[j].value;",
      "        if (want && !matches(items[i], selects[j].getAttribute('data-filter'), want)) { show = false; }",
      "      }",
      "      items[i].hidden = !show;",
      "    }",
      "  }",
      "  for (var k = 0; k < selects.length; k++) { selects[k].addEventListener('change', apply); }",
      "  document.body.setAttribute('data-filters', 'ready');",
      "})();");

  static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(SCRIPT)
      + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

  static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
