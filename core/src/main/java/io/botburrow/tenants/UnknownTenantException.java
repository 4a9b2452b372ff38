package io.botburrow.tenants;

/** Work names a tenant this deployment does not serve (not configured, or removed since it was enqueued). */
public final class UnknownTenantException extends IllegalArgumentException {
  public UnknownTenantException(String tenant) {
    super("tenant '" + tenant + "' is not configured here (botburrow.tenants." + tenant + ".hub.url)");
  }
}
