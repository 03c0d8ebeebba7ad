package io.agentfence.cli.guardrail;

import io.agentfence.iam.Decision;
import io.agentfence.iam.StatementResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON forms of a decision (a stable contract: scripts read "decision" and "deniedBy"). */
final class GuardrailJson {
  static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private GuardrailJson() {}

  static Map<String, Object> decision(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decision", d.outcome().name());
    m.put("deniedBy", d.deniedBy().map(GuardrailJson::deniedBy).orElse(null));
    m.put("notes", d.notes());
    List<Map<String, Object>> statements = new ArrayList<>();
    for (StatementResult r : d.trace()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("file", r.policy().source());
      s.put("sid", r.statement().sid().orElse(null));
      s.put("statementIndex", r.statement().index());
      s.put("effect", r.statement().effect().name());
      s.put("applies", r.applies().name());
      s.put("explanation", r.explanation());
      statements.add(s);
    }
    m.put("statements", statements);
    return m;
  }

  static Map<String, Object> deniedBy(Decision.DeniedBy by) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", by.source());
    m.put("sid", by.sid().orElse(null));
    m.put("statementIndex", by.index() >= 0 ? by.index() : null);
    m.put("kind", by.kind() == Decision.DenyKind.EXPLICIT ? "explicit-deny" : "implicit-deny");
    m.put("reason", by.reason());
    return m;
  }

  static String write(Object o) {
    return MAPPER.writeValueAsString(o) + System.lineSeparator();
  }
}
