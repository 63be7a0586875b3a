// Group chat: the agents speak in turn (spec order) in one shared thread until one says the
// termination phrase or the round limit is reached.
import { personaPrompt, requestText } from '../prompts';
import { runAgentTurn } from '../steps/agent-turn';
import { runStep } from '../steps/run-step';
import type { PatternRunner } from './pattern-runner';

interface ChatMessage {
  readonly agent: string;
  readonly text: string;
}

export const runGroupChat: PatternRunner = async (context) => {
  const { spec, groupChat } = context;
  const rules = `You are in a group chat with: ${spec.agents.map((agent) => agent.id).join(', ')}. Build on what the others said. When the team's answer is complete, write it in full and end your message with ${groupChat.terminationPhrase}.`;
  const transcript: ChatMessage[] = [];
  for (let round = 1; round <= groupChat.maxRounds; round += 1) {
    for (const agent of spec.agents) {
      const model = context.modelFor(agent);
      const text = await runStep(context, { kind: 'agent', agent: agent.id, model }, (stepId) =>
        runAgentTurn({
          context,
          model,
          stepId,
          messages: [
            { role: 'system', content: `${personaPrompt(agent)}\n\n${rules}` },
            { role: 'user', content: chatPrompt({ request: requestText(spec, context.input), transcript, speaker: agent.id }) },
          ],
          tools: context.toolsFor(agent),
        }),
      );
      transcript.push({ agent: agent.id, text });
      if (text.includes(groupChat.terminationPhrase)) return finalAnswer(transcript, groupChat.terminationPhrase);
    }
  }
  return finalAnswer(transcript, groupChat.terminationPhrase);
};

function chatPrompt(options: { readonly request: string; readonly transcript: ReadonlyArray<ChatMessage>; readonly speaker: string }): string {
  const thread = options.transcript.map((message) => `[${message.agent}]: ${message.text}`).join('\n\n');
  return `${options.request}\n\n${thread === '' ? 'You speak first.' : `The conversation so far:\n\n${thread}`}\n\nIt is your turn, ${options.speaker}.`;
}

/** The last message without the termination phrase; the one before it if nothing else is left. */
function finalAnswer(transcript: ReadonlyArray<ChatMessage>, phrase: string): string {
  for (const message of [...transcript].reverse()) {
    const text = message.text.replaceAll(phrase, '').trim();
    if (text !== '') return text;
  }
  return '';
}
