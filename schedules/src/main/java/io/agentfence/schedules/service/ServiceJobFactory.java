package io.agentfence.schedules.service;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Gives our jobs this node's context (Quartz would otherwise need no-arg constructors and statics). */
final class ServiceJobFactory implements JobFactory {
  private final ServiceContext ctx;

  ServiceJobFactory(ServiceContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
    Class<? extends Job> type = bundle.getJobDetail().getJobClass();
    if (type == CoordinatorJob.class) {
      return new CoordinatorJob(ctx);
    }
    if (type == PartJob.class) {
      return new PartJob(ctx);
    }
    throw new SchedulerException("unexpected job class " + type.getName() + " in the agentfence job store");
  }
}
