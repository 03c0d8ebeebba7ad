package io.agentfence.cli.schedule;

import io.agentfence.baseline.BaselineParser;
import io.agentfence.checks.Catalogue;
import io.agentfence.cli.CliIo;
import io.agentfence.cli.ExitCodes;
import io.agentfence.cli.UserError;
import io.agentfence.cli.VersionProvider;
import io.agentfence.reporters.Reporters;
import io.agentfence.schedules.config.ConfigException;
import io.agentfence.schedules.config.ConfigParser;
import io.agentfence.schedules.config.ScheduleConfig;
import io.agentfence.schedules.history.DatabaseSettings;
import io.agentfence.schedules.notify.WebhookNotifier;
import io.agentfence.schedules.service.ScheduleService;
import io.agentfence.schedules.service.ServiceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agentfence schedule}: the nightly service. Runs in the foreground until SIGTERM/SIGINT,
 * logging to stdout; embedded H2 by default, clustered on PostgreSQL with {@code --jdbc-url}.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Run the scheduled scans of a configuration file as a service (foreground; stop with SIGTERM).",
        "State (Quartz job store and scan history) lives in an embedded database under --data-dir,"
            + " or in PostgreSQL with --jdbc-url, where several nodes share the work."})
public final class ScheduleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Schedule configuration (YAML).")
  Path config;

  @Mixin DatabaseOptions db;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads on this node (default: threads of the config, 4).")
  Integer threads;

  @Option(names = "--check", description = "Validate the configuration (and its baselines and replay files), then exit.")
  boolean check;

  @Override
  public Integer call() throws Exception {
    CliIo io = CliIo.of(spec);
    ScheduleConfig cfg = load(config);
    Sources.validate(cfg);
    DatabaseSettings settings = db.settings(cfg.dataDir());
    if (check) {
      io.err().println("agentfence: " + config + " is valid: " + cfg.schedules().size() + " schedule(s)");
      return ExitCodes.CLEAN;
    }
    if (settings.vendor() == DatabaseSettings.Vendor.H2) {
      Files.createDirectories(db.dataDir(cfg.dataDir()));
    }
    ServiceLogging.toStdout();
    int n = threads != null ? threads : cfg.threads();
    ServiceOptions options = ServiceOptions.defaults(settings, n);
    ScheduleService.Components components = new ScheduleService.Components(new Sources(), Catalogue::runner,
        BaselineParser::parse, Reporters.all(), WebhookNotifier.standard(), VersionProvider.version());
    ScheduleService service;
    try {
      service = ScheduleService.start(cfg, options, components);
    } catch (RuntimeException e) {
      DatabaseOptions.open(settings, 1).close(); // turns a locked or unreachable database into a clear message
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close(); // waits for running parts up to the grace period; never marks a half scan complete
      stopped.countDown();
    }, "agentfence-sigterm"));
    stopped.await();
    return ExitCodes.CLEAN;
  }

  static ScheduleConfig load(Path file) {
    try {
      return ConfigParser.parse(file);
    } catch (ConfigException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
