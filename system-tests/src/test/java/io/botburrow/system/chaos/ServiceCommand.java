package io.botburrow.system.chaos;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The command line of a service process: this JVM's {@code java}, the test's jars, {@code botburrow <role>}. */
final class ServiceCommand {
  private ServiceCommand() {}

  /** Writes the classpath to {@code argFile} (it is too long for a command line) and returns the command. */
  static List<String> of(String role, int port, Map<String, String> properties, Path argFile) throws IOException {
    String classpath = serviceClasspath();
    Files.writeString(argFile, "-cp\n\"" + classpath.replace("\\", "\\\\") + "\"\n");
    List<String> command = new ArrayList<>(List.of(javaBinary(), "@" + argFile.toAbsolutePath(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
    command.addAll(classDataSharing(classpath, argFile.getParent()));
    command.addAll(List.of("io.botburrow.cli.Main", role, "--config", "/nonexistent", "--port", Integer.toString(port)));
    properties.forEach((k, v) -> command.addAll(List.of("-D", k + "=" + v)));
    return command;
  }

  /**
   * The test's classpath without this module's own classes (services do not need them). Surefire hands
   * the forked JVM a manifest-only jar; the real classpath is in {@code surefire.test.class.path}.
   */
  private static String serviceClasspath() {
    String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path own = Path.of("target").toAbsolutePath();
    return Arrays.stream(full.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !Path.of(entry).toAbsolutePath().startsWith(own))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Start-up matters more than peak speed here, and the machine may be busy: the first service that
   * exits normally writes a class-data archive that later ones map. Only possible with jars alone.
   */
  private static List<String> classDataSharing(String classpath, Path dir) {
    List<Path> entries = Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    if (entries.stream().anyMatch(Files::isDirectory)) {
      return List.of();
    }
    // named after the jars' versions: an archive of rebuilt jars would be refused, not replaced
    Path archive = dir.resolve("services-" + Integer.toHexString(fingerprint(entries)) + ".jsa");
    deleteOtherArchives(dir, archive);
    return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive.toAbsolutePath());
  }

  private static int fingerprint(List<Path> jars) {
    return jars.stream().mapToInt(jar -> {
      try {
        return Objects.hash(jar, Files.size(jar), Files.getLastModifiedTime(jar));
      } catch (IOException e) {
        return jar.hashCode();
      }
    }).reduce(17, (a, b) -> 31 * a + b);
  }

  private static void deleteOtherArchives(Path dir, Path keep) {
    try (var files = Files.list(dir)) {
      for (Path old : files.filter(f -> f.getFileName().toString().matches("services.*\\.jsa") && !f.equals(keep)).toList()) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      // an old archive only costs disk space
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

}
