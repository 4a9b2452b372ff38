package io.botburrow.agents.s3;

import io.botburrow.agents.AgentDefinitionStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Beans for the agent-definitions bucket, present when {@code botburrow.s3.bucket} is set. Usable
 * without Micronaut through {@link #createClient(S3Properties)}.
 */
@Factory
@Requires(property = "botburrow.s3.bucket")
public class S3ClientFactory {

  /** The client for the definitions bucket. Thread-safe; closed with the context. */
  @Singleton
  @Named("agents")
  @Bean(preDestroy = "close")
  public S3Client agentsS3Client(S3Properties properties) {
    return createClient(properties);
  }

  @Singleton
  public AgentDefinitionStore agentDefinitionStore(
      @Named("agents") S3Client s3, S3Properties properties, Optional<Clock> clock) {
    return new S3AgentDefinitionStore(s3, properties.bucket(), clock.orElseGet(Clock::systemUTC));
  }

  /** Stores of tenants' parts of the bucket, one per prefix; the default tenant's is {@link #agentDefinitionStore}. */
  @Singleton
  public io.botburrow.agents.AgentDefinitionStores agentDefinitionStores(
      @Named("agents") S3Client s3, S3Properties properties, Optional<Clock> clock) {
    java.util.Map<String, AgentDefinitionStore> stores = new java.util.concurrent.ConcurrentHashMap<>();
    return prefix -> stores.computeIfAbsent(prefix,
        p -> new S3AgentDefinitionStore(s3, properties.bucket(), p, clock.orElseGet(Clock::systemUTC)));
  }

  @Singleton
  public BucketUploader bucketUploader(@Named("agents") S3Client s3, S3Properties properties) {
    return new BucketUploader(s3, properties.bucket());
  }

  /**
   * Builds a client for {@code properties}: path-style, Apache HTTP (it checks pooled connections
   * before reuse and handles {@code Expect: 100-continue}; the URL-connection client failed uploads
   * with "Unexpected end of file" on reused connections and that error escaped the SDK's retries),
   * static or default credentials.
   */
  public static S3Client createClient(S3Properties properties) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(5).build()))
        .region(Region.of(properties.signingRegion()))
        .credentialsProvider(credentials(properties))
        // Checksums only when an operation requires them: R2, MinIO and s3proxy differ in how much of
        // the SDK's newer default integrity protection they accept.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(properties.pathStyle()).build());
    if (properties.endpoint() != null) {
      builder.endpointOverride(properties.endpoint());
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Properties properties) {
    if (properties.hasStaticCredentials()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
