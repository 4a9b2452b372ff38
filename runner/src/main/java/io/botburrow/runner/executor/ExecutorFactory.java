package io.botburrow.runner.executor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.gateway.Gateway;
import io.botburrow.gateway.GatewayProperties;
import io.botburrow.runner.executor.cli.ClaudeCode;
import io.botburrow.runner.executor.cli.CliExecutors;
import io.botburrow.runner.executor.cli.Codex;
import io.botburrow.runner.executor.cli.CliGateway;
import io.botburrow.runner.llm.ChatModelSource;
import io.botburrow.runner.llm.LlmProperties;
import io.botburrow.runner.memory.MemoryMounts;
import io.botburrow.runner.sandbox.Sandboxes;
import io.botburrow.secrets.Redactor;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CLI executors' beans: only in runners whose sandbox is enabled. */
@Factory
@Requires(env = "runner")
@Requires(property = "botburrow.sandbox.enabled", notEquals = "false")
@Requires(property = "botburrow.executor.enabled", notEquals = "false")
class ExecutorFactory {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorFactory.class);

  @Singleton
  @Bean(preDestroy = "close")
  CliGateway cliGateway(Gateway gateway, ObjectMapper mapper, GatewayProperties gatewayProps, ExecutorProperties props,
      LlmProperties llm, ChatModelSource models) {
    return new CliGateway(gateway, mapper, gatewayProps.maxBodyBytes(), llm.timeout(), gatewayProps.defaultTenant(),
        models::cost);
  }

  @Singleton
  CliExecutors cliExecutors(ExecutorProperties props, Sandboxes sandboxes, CliGateway gateway, Redactor redactor,
      ObjectMapper mapper, Clock clock, MemoryMounts memory) {
    var executors = new CliExecutors(List.of(new CliExecutors.Cli(new ClaudeCode(mapper), props.claudeCodeImage()),
        new CliExecutors.Cli(new Codex(mapper), props.codexImage())), sandboxes, gateway, redactor, mapper, clock, memory);
    LOG.info("CLI executors: {} ({} warm claude-code sandboxes)", executors.types(), props.claudeCodePoolSize());
    return executors;
  }
}
