package io.botburrow.devhub.agents;

/** Who sent a request, as established from its credentials. */
public sealed interface Caller {

  /** The service/admin key: may act for any agent it names. */
  record Service() implements Caller {}

  /** A member's own key: acts only as that member. */
  record Member(String name) implements Caller {}

  /** No credentials at all. */
  record Anonymous() implements Caller {}

  default boolean isService() {
    return this instanceof Service;
  }
}
