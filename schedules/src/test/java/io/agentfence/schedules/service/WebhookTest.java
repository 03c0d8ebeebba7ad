package io.agentfence.schedules.service;

import static io.agentfence.schedules.service.Harness.NAME;
import static io.agentfence.schedules.service.Harness.NEVER;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.agentfence.schedules.Scenario;
import io.agentfence.schedules.config.WebhookConfig;
import io.agentfence.schedules.history.RunRecord;
import io.agentfence.schedules.history.RunStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook notifications against a JDK HttpServer on loopback. */
class WebhookTest {
  @TempDir
  Path dir;
  HttpServer server;
  final List<String> bodies = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", ex -> {
      bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      int code = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
      ex.sendResponseHeaders(code, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  private Optional<RunRecord> finished(ScheduleService s) {
    return s.history().runs(Optional.of(NAME), 10).stream().filter(r -> r.status().finished()).findFirst();
  }

  @Test
  void genericNotificationIsRetriedUntilAccepted() throws Exception {
    failuresLeft.set(2);
    var hook = new WebhookConfig(url(), WebhookConfig.Format.GENERIC, 3, Duration.ofSeconds(5));
    var spec = Harness.spec(NEVER, dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.of(hook));
    try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
        Harness.components(Harness.replay(Scenario.contained().runtimePublic().snapshot())))) {
      svc.runNow(NAME);
      Harness.await(Duration.ofSeconds(15), "three deliveries", () -> bodies.size() >= 3);
      RunRecord run = finished(svc).orElseThrow();
      assertThat(bodies).hasSize(3).containsOnly(bodies.get(0));
      assertThat(bodies.get(0)).contains("\"event\" : \"agentfence.scan.finished\"", "\"schedule\" : \"nightly\"",
          "\"runId\" : " + run.id(), "\"status\" : \"COMPLETE\"", "\"failing\" : 1");
    }
  }

  @Test
  void slackFormatCarriesText() throws Exception {
    var hook = new WebhookConfig(url(), WebhookConfig.Format.SLACK, 0, Duration.ofSeconds(5));
    var spec = Harness.spec(NEVER, dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.of(hook));
    try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
        Harness.components(Harness.replay(Scenario.contained().snapshot())))) {
      svc.runNow(NAME);
      Harness.await(Duration.ofSeconds(15), "a delivery", () -> bodies.size() >= 1);
      assertThat(bodies.get(0)).startsWith("{").contains("\"text\" : \":white_check_mark: agentfence *nightly* run");
    }
  }

  @Test
  void aDeadWebhookNeitherFailsNorLosesTheScan() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    var hook = new WebhookConfig(URI.create("http://127.0.0.1:" + closedPort + "/hook"), WebhookConfig.Format.GENERIC,
        2, Duration.ofSeconds(2));
    var spec = Harness.spec(NEVER, dir.resolve("reports"), List.of(Scenario.ACCOUNT), Optional.of(hook));
    try (ScheduleService svc = ScheduleService.start(Harness.config(spec), Harness.embedded(dir.resolve("data")),
        Harness.components(Harness.replay(Scenario.contained().snapshot())))) {
      svc.runNow(NAME);
      Harness.await(Duration.ofSeconds(15), "the run", () -> finished(svc).isPresent());
      RunRecord run = finished(svc).orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
      assertThat(svc.history().snapshot(run.id())).isPresent();
    }
  }
}
