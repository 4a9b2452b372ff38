package io.botburrow.runner.sandbox.docker;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.UnauthorizedException;
import io.botburrow.runner.sandbox.SandboxException;

/** Translates docker-java failures at the adapter boundary, keeping the cause. */
final class DockerErrors {
  private DockerErrors() {}

  /**
   * A missing image or container and a bad request will fail the same way again; an engine error or
   * a broken connection may not.
   */
  static SandboxException translate(String what, RuntimeException e) {
    boolean permanent = e instanceof NotFoundException || e instanceof BadRequestException
        || e instanceof UnauthorizedException || e instanceof ConflictException;
    return new SandboxException(what + ": " + e.getMessage(), !permanent, e);
  }
}
