package io.botburrow.cli.bench;

import io.botburrow.agents.s3.S3Properties;
import io.botburrow.devhub.DevHubServer;
import io.botburrow.devkit.redis.LocalRedis;
import io.botburrow.devkit.s3.EmbeddedS3;
import java.util.HashMap;
import java.util.Map;

/** The properties a benchmark's coordinator and runner share: the Hub, Redis and S3 started for the run. */
final class ServiceProperties {
  private ServiceProperties() {}

  static Map<String, Object> common(DevHubServer hub, LocalRedis redis, EmbeddedS3 s3, S3Properties s3Props) {
    Map<String, Object> common = new HashMap<>();
    common.put("botburrow.hub.url", hub.baseUrl().toString());
    common.put("botburrow.hub.api-key", hub.adminKey());
    common.put("botburrow.redis.url", redis.url());
    common.put("botburrow.s3.endpoint", s3.endpoint().toString());
    common.put("botburrow.s3.bucket", s3Props.bucket());
    common.put("botburrow.s3.access-key", s3.accessKey());
    common.put("botburrow.s3.secret-key", s3.secretKey());
    common.put("micronaut.server.port", -1);
    return common;
  }
}
