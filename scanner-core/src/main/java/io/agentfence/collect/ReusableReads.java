package io.agentfence.collect;

import io.agentfence.inventory.AccountInventory;
import io.agentfence.inventory.AgentRuntime;
import io.agentfence.inventory.Browser;
import io.agentfence.inventory.CodeInterpreter;
import io.agentfence.inventory.CoverageRecord;
import io.agentfence.inventory.CoverageStatus;
import io.agentfence.inventory.RegionInventory;
import io.agentfence.inventory.ResourceKind;
import io.agentfence.inventory.RuntimeVersion;
import io.agentfence.inventory.Snapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a warm scan may take from a previous snapshot instead of asking AWS again: only records that
 * are immutable in AgentCore once created, and only where the previous collection read them whole.
 *
 * <ul>
 *   <li>A runtime <em>version</em>: changing a runtime's network (UpdateAgentRuntime) creates a new
 *       version number, so (runtime id, version) always denotes the same configuration. Only versions
 *       whose status was {@code READY} are reused; a version still being created or updated is read
 *       again.</li>
 *   <li>A custom browser's or code interpreter's network configuration: the control-plane API has no
 *       UpdateBrowser or UpdateCodeInterpreter (checked against the newest service model, 165
 *       operations), so the configuration is fixed at creation. Name, ARN and status still come from
 *       this scan's List call.</li>
 * </ul>
 *
 * <p>Everything else (lists, endpoints and which versions they serve, the whole network, IAM,
 * Organizations) is read every time. Nothing is taken from an (account, region) whose previous
 * coverage for that kind was not READ, so an old gap is never papered over.
 */
public final class ReusableReads {
  private static final ReusableReads NONE = new ReusableReads(Map.of(), "");

  private final Map<String, Region> regions;
  private final String label;

  private ReusableReads(Map<String, Region> regions, String label) {
    this.regions = regions;
    this.label = label;
  }

  /** A cold scan: nothing is reused. */
  public static ReusableReads none() {
    return NONE;
  }

  /** Reusable records of {@code previous}, labelled with the collection that read them. */
  public static ReusableReads of(Snapshot previous) {
    return of(previous, previous.collection().label());
  }

  /** Reusable records of {@code previous}; {@code label} names it (e.g. a scheduled run) in reused records. */
  public static ReusableReads of(Snapshot previous, String label) {
    Set<String> read = new HashSet<>();
    for (CoverageRecord c : previous.coverage()) {
      if (c.status() == CoverageStatus.READ) {
        read.add(key(c.accountId(), c.region(), c.kind()));
      }
    }
    Map<String, Region> regions = new HashMap<>();
    for (AccountInventory a : previous.accounts()) {
      String account = a.account().id();
      for (RegionInventory r : a.regions()) {
        Map<String, RuntimeVersion> versions = new HashMap<>();
        if (read.contains(key(account, r.region(), ResourceKind.AGENT_RUNTIMES))) {
          for (AgentRuntime rt : r.runtimes()) {
            for (RuntimeVersion v : rt.versions()) {
              if ("READY".equals(v.status()) && !v.network().mode().isEmpty()) {
                versions.put(versionKey(rt.id(), v.version()), v);
              }
            }
          }
        }
        Map<String, Browser> browsers = new HashMap<>();
        if (read.contains(key(account, r.region(), ResourceKind.BROWSERS))) {
          r.browsers().stream().filter(b -> !b.network().mode().isEmpty()).forEach(b -> browsers.put(b.id(), b));
        }
        Map<String, CodeInterpreter> interpreters = new HashMap<>();
        if (read.contains(key(account, r.region(), ResourceKind.CODE_INTERPRETERS))) {
          r.codeInterpreters().stream().filter(c -> !c.network().mode().isEmpty())
              .forEach(c -> interpreters.put(c.id(), c));
        }
        regions.put(account + '/' + r.region(), new Region(versions, browsers, interpreters));
      }
    }
    return new ReusableReads(regions, label);
  }

  /** What one (account, region) unit may reuse. */
  public Region region(String account, String region) {
    Region r = regions.get(account + '/' + region);
    return r == null ? Region.EMPTY : r.labelled(label);
  }

  /** True when nothing at all can be reused (a cold scan). */
  public boolean isEmpty() {
    return regions.isEmpty();
  }

  /** How many records of {@code s} were reused from an earlier collection rather than read by it. */
  public static long reusedIn(Snapshot s) {
    long n = 0;
    for (AccountInventory a : s.accounts()) {
      for (RegionInventory r : a.regions()) {
        n += r.runtimes().stream().flatMap(rt -> rt.versions().stream()).filter(v -> v.readIn().isPresent()).count();
        n += r.browsers().stream().filter(b -> b.readIn().isPresent()).count();
        n += r.codeInterpreters().stream().filter(c -> c.readIn().isPresent()).count();
      }
    }
    return n;
  }

  private static String key(String account, String region, ResourceKind kind) {
    return account + '/' + region + '/' + kind;
  }

  private static String versionKey(String runtimeId, String version) {
    return runtimeId + '\u0000' + version;
  }

  /** Reusable records of one (account, region); each one handed out names the run that read it. */
  public static final class Region {
    static final Region EMPTY = new Region(Map.of(), Map.of(), Map.of());

    private final Map<String, RuntimeVersion> versions;
    private final Map<String, Browser> browsers;
    private final Map<String, CodeInterpreter> interpreters;
    private final String label;

    private Region(Map<String, RuntimeVersion> versions, Map<String, Browser> browsers,
        Map<String, CodeInterpreter> interpreters) {
      this(versions, browsers, interpreters, "");
    }

    private Region(Map<String, RuntimeVersion> versions, Map<String, Browser> browsers,
        Map<String, CodeInterpreter> interpreters, String label) {
      this.versions = versions;
      this.browsers = browsers;
      this.interpreters = interpreters;
      this.label = label;
    }

    Region labelled(String l) {
      return new Region(versions, browsers, interpreters, l);
    }

    public Optional<RuntimeVersion> version(String runtimeId, String version) {
      return Optional.ofNullable(versions.get(versionKey(runtimeId, version))).map(v -> v.reusedFrom(label));
    }

    /** The browser's reusable configuration, with this scan's name, ARN and status. */
    public Optional<Browser> browser(String id, String arn, String name, String status) {
      return Optional.ofNullable(browsers.get(id))
          .filter(b -> arn == null || arn.equals(b.arn()))
          .map(b -> new Browser(id, b.arn(), name != null ? name : b.name(), status, b.network(),
              Optional.of(b.readIn().orElse(label))));
    }

    /** The code interpreter's reusable configuration, with this scan's name, ARN and status. */
    public Optional<CodeInterpreter> codeInterpreter(String id, String arn, String name, String status) {
      return Optional.ofNullable(interpreters.get(id))
          .filter(c -> arn == null || arn.equals(c.arn()))
          .map(c -> new CodeInterpreter(id, c.arn(), name != null ? name : c.name(), status, c.network(),
              Optional.of(c.readIn().orElse(label))));
    }
  }
}
