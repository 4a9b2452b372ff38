package io.botburrow.agents.s3;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;

/**
 * Where the agent-definitions bucket is ({@code botburrow.s3.*}).
 *
 * @param endpoint S3 API endpoint for R2, MinIO or s3proxy, e.g. {@code http://127.0.0.1:9000}; null
 *     for AWS itself
 * @param region signing region; {@value #DEFAULT_REGION} means {@code us-east-1}, which R2 and
 *     s3proxy accept
 * @param bucket bucket holding {@code agents/} and {@code skills/}, default {@value #DEFAULT_BUCKET}
 * @param accessKey access key id; with {@code secretKey} null the AWS default credential chain is used
 * @param secretKey secret access key; never logged
 * @param pathStyle {@code http://host/bucket/key} addressing instead of virtual hosts, default true
 */
@ConfigurationProperties("botburrow.s3")
public record S3Properties(
    @Nullable URI endpoint,
    @Bindable(defaultValue = DEFAULT_REGION) @NotBlank String region,
    @Bindable(defaultValue = DEFAULT_BUCKET) @NotBlank String bucket,
    @Nullable String accessKey,
    @Nullable String secretKey,
    @Bindable(defaultValue = "true") boolean pathStyle) {

  public static final String DEFAULT_REGION = "auto";
  public static final String DEFAULT_BUCKET = "botburrow-agents";

  public S3Properties {
    region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    bucket = bucket == null || bucket.isBlank() ? DEFAULT_BUCKET : bucket;
    accessKey = accessKey == null || accessKey.isBlank() ? null : accessKey;
    secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey;
    if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
      throw new IllegalArgumentException("botburrow.s3.endpoint: must be an absolute URL, was " + endpoint);
    }
  }

  /** A custom endpoint with static keys, as for R2, MinIO or the embedded development S3. */
  public static S3Properties of(URI endpoint, String bucket, String accessKey, String secretKey) {
    return new S3Properties(endpoint, DEFAULT_REGION, bucket, accessKey, secretKey, true);
  }

  /** The region to sign with: {@code auto} becomes {@code us-east-1}. */
  public String signingRegion() {
    return DEFAULT_REGION.equals(region) ? "us-east-1" : region;
  }

  /** True when both keys are configured. */
  public boolean hasStaticCredentials() {
    return accessKey != null && secretKey != null;
  }

  @Override
  public String toString() {
    return "S3Properties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey="
        + accessKey + ", secretKey=" + (secretKey == null ? "null" : "****") + ", pathStyle=" + pathStyle + "]";
  }
}
