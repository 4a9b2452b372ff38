package io.botburrow.devhub.dev;

import io.botburrow.devhub.HubConfig;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says loudly at start-up that this Hub is for development: nothing it stores survives, keys are free. */
@Context
@Requires(env = "hub")
class DevModeWarning {
  private static final Logger LOG = LoggerFactory.getLogger(DevModeWarning.class);

  DevModeWarning(HubConfig config) {
    LOG.warn("Development Hub: in-memory storage, sessions issue keys to anyone; keep it on loopback");
    if (HubConfig.DEFAULT_ADMIN_KEY.equals(config.adminKey())) {
      LOG.warn("Development Hub uses the default admin key; set BOTBURROW_HUB_ADMIN_KEY to change it");
    }
    if (config.insecureDev()) {
      LOG.warn("Development Hub insecure-dev mode: requests without credentials act as the service");
    }
  }
}
