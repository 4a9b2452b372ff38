package io.botburrow.agents.s3;

import io.botburrow.agents.AgentStoreUnavailableException;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Thin I/O over one bucket: conditional GETs and listings, with SDK exceptions translated into
 * {@link FetchResult}s or {@link AgentStoreUnavailableException}.
 */
final class S3ObjectReader {
  private static final int NOT_MODIFIED = 304;
  private static final int NOT_FOUND = 404;

  private final S3Client s3;
  private final String bucket;
  private final String keyPrefix;

  S3ObjectReader(S3Client s3, String bucket) {
    this(s3, bucket, "");
  }

  /** Reads only under {@code keyPrefix} (a tenant's part of the bucket); keys in and out are relative to it. */
  S3ObjectReader(S3Client s3, String bucket, String keyPrefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.keyPrefix = keyPrefix;
  }

  String bucket() {
    return bucket;
  }

  /** {@code bucket/prefix} as logs name it. */
  String location() {
    return keyPrefix.isEmpty() ? bucket : bucket + "/" + keyPrefix.substring(0, keyPrefix.length() - 1);
  }

  /**
   * GETs {@code key}; with {@code ifNoneMatch} (an ETag, or null) answers {@link FetchResult.NotModified}
   * when the object is unchanged. Blocks.
   */
  FetchResult get(String relativeKey, String ifNoneMatch) {
    String key = keyPrefix + relativeKey;
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    if (ifNoneMatch != null && !ifNoneMatch.isEmpty()) {
      request.ifNoneMatch(ifNoneMatch);
    }
    try {
      ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(request.build());
      return new FetchResult.Found(new StoredObject(relativeKey, bytes.response().eTag(), bytes.asUtf8String()));
    } catch (NoSuchKeyException e) {
      return new FetchResult.Missing();
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_MODIFIED) {
        return new FetchResult.NotModified();
      }
      if (e.statusCode() == NOT_FOUND && !isNoSuchBucket(e)) {
        return new FetchResult.Missing();
      }
      throw unavailable("GET s3://" + bucket + "/" + key, e);
    } catch (SdkException e) {
      throw unavailable("GET s3://" + bucket + "/" + key, e);
    }
  }

  /** Every key under {@code prefix}, all pages. Blocks. */
  List<String> listKeys(String relativePrefix) {
    String prefix = keyPrefix + relativePrefix;
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
    return call("LIST s3://" + bucket + "/" + prefix,
        () -> s3.listObjectsV2Paginator(request).contents().stream().map(S3Object::key)
            .map(k -> k.substring(keyPrefix.length())).toList());
  }

  private static <T> T call(String what, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (SdkException e) {
      throw unavailable(what, e);
    }
  }

  private static boolean isNoSuchBucket(S3Exception e) {
    return e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
  }

  private static AgentStoreUnavailableException unavailable(String what, SdkException e) {
    String status = e instanceof S3Exception s3e ? " (HTTP " + s3e.statusCode() + ")" : "";
    return new AgentStoreUnavailableException(what + " failed" + status + ": " + e.getMessage(), e);
  }
}
