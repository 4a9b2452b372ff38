package io.botburrow.agents.s3;

/** Outcome of a (conditional) GET of one object. */
sealed interface FetchResult {

  /** The object and its ETag. */
  record Found(StoredObject object) implements FetchResult {}

  /** The ETag sent with If-None-Match still matches: the cached copy is current. */
  record NotModified() implements FetchResult {}

  /** No such key. */
  record Missing() implements FetchResult {}
}
