package io.botburrow.runner.tools.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.secrets.Redactor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

@Factory
@Requires(env = "runner")
class HttpToolsFactory {
  @Singleton
  HttpTools httpTools(HttpToolProperties props, ObjectMapper json, Redactor redactor) {
    return new HttpTools(props, json, redactor);
  }
}
