package io.agentfence.engine;

import io.agentfence.collect.ReadOperation;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.core.metrics.CoreMetric;

/**
 * Sits on every SDK client agentfence builds (one instance per client, bound to its account):
 * <ul>
 *   <li>refuses any operation that is not in {@link ReadOperation}: the read-only promise is
 *       enforced at the last point before the wire, not only by review;</li>
 *   <li>spends the per-(account, API) {@link RateBudget} before each attempt, retries included;</li>
 *   <li>then takes one of the {@code --concurrency} in-flight slots for the time the attempt is on
 *       the wire, so that a call waiting for the budget holds no slot (see {@link InFlight});</li>
 *   <li>counts calls and attempts into {@link CallMetrics}, and throttled attempts through the
 *       SDK metric stream.</li>
 * </ul>
 */
final class CallGuard implements ExecutionInterceptor, MetricPublisher {
  private final String accountId;
  private final RateBudget budget;
  private final CallMetrics metrics;
  private final InFlight inFlight;

  CallGuard(String accountId, RateBudget budget, CallMetrics metrics, InFlight inFlight) {
    this.accountId = accountId;
    this.budget = budget;
    this.metrics = metrics;
    this.inFlight = inFlight;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (ReadOperation.find(service, operation).isEmpty()) {
      throw SdkClientException.create("agentfence refused to call " + service + ":" + operation
          + ": it is not in the read-only allowlist (io.agentfence.collect.ReadOperation)");
    }
    metrics.call(service + ":" + operation);
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    metrics.attempt(service + ":" + operation);
    // A retry after an I/O failure or an attempt timeout gets here without afterTransmission: the
    // failed attempt's slot is given back before waiting for the budget again.
    inFlight.release(attributes);
    try {
      // AWS throttles EC2 and the AgentCore control plane per account AND region (EC2 API
      // throttling docs), so the budget is scoped the same way: one shared per-account bucket
      // would serialise a 3-region account onto a third of the rate AWS allows.
      budget.acquire(regional(service) ? accountId + '|' + attributes.getAttribute(AwsExecutionAttribute.AWS_REGION)
          : accountId, service, operation);
      inFlight.acquire(attributes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AbortedException.create("scan cancelled while waiting for the rate budget");
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    inFlight.release(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    inFlight.release(attributes);
  }

  private static boolean regional(String service) {
    return ReadOperation.Service.bySdkName(service).map(ReadOperation.Service::regionalBudget).orElse(false);
  }

  @Override
  public void publish(MetricCollection call) {
    String service = call.metricValues(CoreMetric.SERVICE_ID).stream().findFirst().orElse("?");
    String operation = call.metricValues(CoreMetric.OPERATION_NAME).stream().findFirst().orElse("?");
    call.childrenWithName("ApiCallAttempt")
        .flatMap(a -> a.metricValues(CoreMetric.ERROR_TYPE).stream())
        .filter("Throttling"::equals)
        .forEach(t -> metrics.throttled(service + ":" + operation));
  }

  @Override
  public void close() {}
}
