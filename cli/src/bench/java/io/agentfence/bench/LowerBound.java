package io.agentfence.bench;

import io.agentfence.fixtures.endpoint.RateLimits;
import java.util.Map;

/**
 * The fastest any scanner could read the data, given AWS's rate limits, the per-call latency and
 * the number of calls in flight (docs/benchmarks.md):
 *
 * <pre>
 * rate bound    T_rate  = max over buckets b of max(0, (n_b - burst_b) / rate_b)
 *                          (a bucket is per account and region for EC2 and AgentCore, per account
 *                           for IAM and Organizations; n_b from {@link MinimumCalls})
 * latency bound T_lat   = N x latency / C      (N minimum calls, C calls in flight = --concurrency)
 * chain bound   T_chain = (chain + 4 + 2) x latency
 *                          (identity, organization, OU tree depth and ListAccounts pages; then
 *                           AssumeRole and DescribeRegions; then the longest dependent chain in one
 *                           region: ListAgentRuntimes, GetAgentRuntime, ListAgentRuntimeEndpoints,
 *                           GetAgentRuntime of an older version)
 * lower bound   T_min   = max(T_rate, T_lat, T_chain)
 * </pre>
 *
 * It ignores CPU entirely, so on a small machine a scan can be CPU-bound above it; the benchmark
 * reports CPU seconds next to it for that reason.
 */
record LowerBound(double rateSeconds, String rateBucket, double latencySeconds, double chainSeconds) {

  static LowerBound of(MinimumCalls min, RateLimits limits, double latencySeconds, int concurrency) {
    double rate = 0;
    String worst = "-";
    for (Map.Entry<MinimumCalls.Bucket, Long> e : min.byBucket().entrySet()) {
      var b = e.getKey();
      var limit = limits.limitFor(b.service(), b.operation());
      if (limit.isEmpty()) {
        continue;
      }
      double t = Math.max(0, (e.getValue() - limit.get().burst()) / limit.get().ratePerSecond());
      if (t > rate) {
        rate = t;
        worst = b.service() + ":" + b.operation() + " x" + e.getValue() + " in " + b.account()
            + ("global".equals(b.region()) ? "" : "/" + b.region());
      }
    }
    double lat = min.total() * latencySeconds / concurrency;
    double chain = (min.chainCalls() + 4 + 2) * latencySeconds;
    return new LowerBound(rate, worst, lat, chain);
  }

  double seconds() {
    return Math.max(rateSeconds, Math.max(latencySeconds, chainSeconds));
  }

  String binding() {
    double s = seconds();
    return s == rateSeconds ? "rate (" + rateBucket + ")" : s == latencySeconds ? "latency/concurrency" : "call chain";
  }
}
