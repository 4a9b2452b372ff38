package io.botburrow.agents.s3;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An in-memory bucket answering GET (with If-None-Match) and LIST like S3 does. */
final class FakeS3Client implements S3Client {
  private final Map<String, String> objects = new ConcurrentHashMap<>();
  private final Map<String, Integer> versions = new ConcurrentHashMap<>();
  private final AtomicBoolean down = new AtomicBoolean();
  final AtomicInteger downloads = new AtomicInteger();
  final AtomicInteger notModified = new AtomicInteger();

  FakeS3Client put(String key, String text) {
    objects.put(key, text);
    versions.merge(key, 1, Integer::sum);
    return this;
  }

  void delete(String key) {
    objects.remove(key);
  }

  void down(boolean isDown) {
    down.set(isDown);
  }

  private String etag(String key) {
    return "\"" + key.hashCode() + "-" + versions.get(key) + "\"";
  }

  @Override
  public ResponseBytes<GetObjectResponse> getObjectAsBytes(GetObjectRequest request) {
    failIfDown();
    String text = objects.get(request.key());
    if (text == null) {
      throw NoSuchKeyException.builder().statusCode(404).message("The specified key does not exist.").build();
    }
    if (etag(request.key()).equals(request.ifNoneMatch())) {
      notModified.incrementAndGet();
      throw S3Exception.builder().statusCode(304).message("Not Modified").build();
    }
    downloads.incrementAndGet();
    GetObjectResponse response = GetObjectResponse.builder().eTag(etag(request.key())).build();
    return ResponseBytes.fromByteArray(response, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
    failIfDown();
    List<S3Object> contents = new TreeMap<>(objects).keySet().stream()
        .filter(key -> key.startsWith(request.prefix()))
        .map(key -> S3Object.builder().key(key).build())
        .toList();
    return ListObjectsV2Response.builder().contents(contents).isTruncated(false).build();
  }

  private void failIfDown() {
    if (down.get()) {
      throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
    }
  }

  @Override
  public String serviceName() {
    return "s3";
  }

  @Override
  public void close() {}
}
