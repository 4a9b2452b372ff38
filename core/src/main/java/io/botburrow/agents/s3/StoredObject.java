package io.botburrow.agents.s3;

import java.util.Objects;

/**
 * An object's text and the ETag it was read with.
 *
 * @param key object key
 * @param etag ETag as returned by S3 (quoted)
 * @param text content decoded as UTF-8
 */
record StoredObject(String key, String etag, String text) {
  StoredObject {
    Objects.requireNonNull(key, "key");
    etag = etag == null ? "" : etag;
    text = text == null ? "" : text;
  }
}
