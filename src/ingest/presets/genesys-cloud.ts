import { genesysConversations } from './genesys-conversations.js';
import { preset } from './preset.js';

/**
 * Genesys Cloud conversation details (analytics API `conversations/details/query`, or its export):
 * one contact per conversation, flattened by `genesysConversations` first.
 */
export const genesysCloud = preset(
  'genesys-cloud',
  'contacts',
  'Genesys Cloud conversation-details JSON (participants → sessions → segments); one contact per conversation',
  `description: Genesys Cloud conversation details, one contact per conversation
source: genesys-cloud
fields:
  id: conversationId
  channel:
    column: mediaType
    map: { voice: voice, callback: voice, chat: chat, webchat: chat, email: email, message: messaging, cobrowse: other, screenshare: other, video: video }
  direction: { column: direction, map: { inbound: inbound, outbound: outbound } }
  queue: queueId
  agent: userId
  customer: customer
  # The wrap-up code the agent chose names what the conversation was about.
  topic: wrapUpCode
  arrived_at: conversationStart
  ivr_seconds: ivrSeconds
  wait_seconds: waitSeconds
  talk_seconds: talkSeconds
  hold_seconds: holdSeconds
  wrap_seconds: wrapSeconds
  outcome:
    - when: { mediaType: callback }
      then: callback
    - when: { answered: "yes" }
      then: handled
    - when: { queued: "yes" }
      then: abandoned
    - when: { ivr: "yes" }
      then: self_served
    - then: other
`,
  genesysConversations,
);
