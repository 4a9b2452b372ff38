package io.botburrow.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.botburrow.channels.ReplyTarget;
import org.junit.jupiter.api.Test;

class SlackEventTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static String callback(String event) {
    return """
        {"token":"ignored","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"Ev1","event_time":1767000000,
         "authorizations":[{"team_id":"T1","user_id":"UBOT","is_bot":true}],
         "event":%s}""".formatted(event);
  }

  private static SlackEvent.Kind read(String text) throws Exception {
    JsonNode node = JSON.readTree(text);
    return SlackEvent.read(node);
  }

  @Test
  void theUrlVerificationChallengeIsAnswered() throws Exception {
    assertThat(read("{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}"))
        .isEqualTo(new SlackEvent.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
  }

  @Test
  void anAppMentionIsAMessageKeyedByTeamChannelAndTs() throws Exception {
    SlackEvent.Kind k = read(callback("""
        {"type":"app_mention","user":"U1","text":"<@UBOT> what broke?","ts":"1767000000.000200","channel":"C1","event_ts":"1767000000.000200"}"""));

    assertThat(k).isInstanceOfSatisfying(SlackEvent.Message.class, m -> {
      assertThat(m.eventId()).isEqualTo("Ev1");
      assertThat(m.message().key()).isEqualTo("slack:T1:C1:1767000000.000200");
      assertThat(m.message().text()).isEqualTo("what broke?");
      assertThat(m.message().mentionsBot()).isTrue();
      assertThat(m.message().replyTo()).isEqualTo(ReplyTarget.slack("C1", null, "1767000000.000200"));
    });
  }

  @Test
  void aMessageInAThreadIsAnsweredInThatThread() throws Exception {
    SlackEvent.Kind k = read(callback("""
        {"type":"message","channel_type":"channel","user":"U1","text":"and now?","ts":"1767000000.000300","thread_ts":"1767000000.000100","channel":"C1"}"""));

    assertThat(k).isInstanceOfSatisfying(SlackEvent.Message.class, m -> {
      assertThat(m.message().mentionsBot()).isFalse();
      assertThat(m.message().replyTo().thread()).isEqualTo("1767000000.000100");
    });
  }

  @Test
  void botMessagesAndTheAgentsOwnAreIgnored() throws Exception {
    assertThat(read(callback("""
        {"type":"message","subtype":"bot_message","bot_id":"B1","text":"hi","ts":"1.1","channel":"C1"}""")))
        .isInstanceOf(SlackEvent.Ignored.class);
    assertThat(read(callback("""
        {"type":"message","user":"UBOT","bot_id":"B0","text":"my own answer","ts":"1.2","channel":"C1"}""")))
        .isInstanceOf(SlackEvent.Ignored.class);
    assertThat(read(callback("""
        {"type":"message","user":"UBOT","text":"my own answer","ts":"1.2","channel":"C1"}""")))
        .isInstanceOf(SlackEvent.Ignored.class);
  }

  @Test
  void editsAndOtherEventsAreIgnored() throws Exception {
    assertThat(read(callback("""
        {"type":"message","subtype":"message_changed","channel":"C1","ts":"1.3"}""")))
        .isInstanceOf(SlackEvent.Ignored.class);
    assertThat(read(callback("""
        {"type":"reaction_added","user":"U1"}"""))).isInstanceOf(SlackEvent.Ignored.class);
  }

  @Test
  void aMessageThatNamesTheBotCountsAsAMention() throws Exception {
    assertThat(read(callback("""
        {"type":"message","user":"U1","text":"hey <@UBOT>, status?","ts":"1.4","channel":"C1"}""")))
        .isInstanceOfSatisfying(SlackEvent.Message.class, m -> {
          assertThat(m.message().mentionsBot()).isTrue();
          assertThat(m.message().text()).isEqualTo("hey , status?");
        });
  }
}
