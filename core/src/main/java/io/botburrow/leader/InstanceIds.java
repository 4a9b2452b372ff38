package io.botburrow.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Ids for election candidates: readable (host name) and unique per process (random suffix). */
public final class InstanceIds {
  private InstanceIds() {}

  public static String generate() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "host";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
