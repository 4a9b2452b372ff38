package io.botburrow.agents.s3;

import io.botburrow.agents.AgentDefinitionStore;
import io.botburrow.agents.AgentDefinitionStoreContract;
import java.time.Clock;

class S3AgentDefinitionStoreContractTest extends AgentDefinitionStoreContract {
  private final FakeS3Client s3 = new FakeS3Client();
  private final S3AgentDefinitionStore store = new S3AgentDefinitionStore(s3, "bucket", Clock.systemUTC());

  @Override
  protected AgentDefinitionStore store() {
    return store;
  }

  @Override
  protected void givenAgent(String name, String prompt) {
    s3.put("agents/" + name + "/config.yaml", minimalConfig(name));
    s3.put("agents/" + name + "/system-prompt.md", prompt);
  }
}
