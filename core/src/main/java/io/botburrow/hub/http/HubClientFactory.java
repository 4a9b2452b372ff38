package io.botburrow.hub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.hub.HubClient;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Builds the Hub client for services that talk to the Hub. */
@Factory
public class HubClientFactory {
  @Singleton
  HubClient hubClient(HubClientProperties props, ObjectMapper json) {
    return new HttpHubClient(props, json);
  }
}
