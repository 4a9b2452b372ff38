package io.botburrow.runner;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Starts claiming once the context is up; draining happens when the context closes. Tests of single
 * runner parts switch it off with {@code botburrow.runner.autostart=false}.
 */
@Singleton
@Requires(env = "runner")
@Requires(property = "botburrow.runner.autostart", notEquals = "false")
class RunnerStartup {
  private final RunnerService service;

  RunnerStartup(RunnerService service) {
    this.service = service;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    service.start();
  }
}
