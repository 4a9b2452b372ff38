package io.botburrow.cli;

import io.botburrow.runner.sandbox.docker.SandboxBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = {
      "Time until a command can run in a sandbox: warm (from the pool) and cold (create + start), against",
      "'docker run --rm IMAGE true' in the same run. Prints: sandbox-ready: warm p50 A ms, cold p50 B ms, docker-run baseline p50 C ms",
      "Needs the Docker engine and the sandbox image (./botburrow images)."
    })
final class BenchSandboxCommand implements Callable<Integer> {
  @Option(names = "--image", defaultValue = SandboxBenchmark.DEFAULT_IMAGE, description = "Image (default ${DEFAULT-VALUE}).")
  String image;

  @Option(names = "--samples", defaultValue = "20", description = "Samples per mode (default ${DEFAULT-VALUE}).")
  int samples;

  @Override
  public Integer call() throws Exception {
    SandboxBenchmark.main(new String[] {image, String.valueOf(samples)});
    return 0;
  }
}
