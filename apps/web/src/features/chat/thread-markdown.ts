// The conversation as a Markdown document (Export .md): messages, notices about the models, tool calls
// with arguments and results, errors, and the usage and models each run reported.
import { runModels, runsOf, type RunThread, type ThreadState } from './thread-reducer';

const json = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value)));
const fence = (text: string, language = '') => {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((match) => match[0].length + 1)));
  return `${ticks}${language}\n${text}\n${ticks}`;
};

function runSection(run: RunThread, agentName: string): string {
  const parts = [`### You\n\n${run.input ?? ''}`, ...run.notices.map((notice) => `> Note: ${notice}`)];
  for (const item of run.items) {
    if (item.kind === 'text') parts.push(`### ${item.agent ?? agentName}\n\n${item.text}`);
    else {
      const head = `**Tool call \`${item.tool}\`**${item.durationMs === undefined ? '' : ` (${Math.round(item.durationMs)} ms)`}${item.approval ? ` — ${item.approval}` : ''}`;
      const result = item.result === undefined ? '' : `\n\n${item.isError === true ? 'Error' : 'Result'}:\n\n${fence(json(item.result))}`;
      parts.push(`${head}\n\nArguments:\n\n${fence(json(item.arguments), 'json')}${result}`);
    }
  }
  if (run.error) parts.push(`> Run failed (${run.error.code}): ${run.error.message}`);
  if (run.phase === 'cancelled') parts.push('> Stopped by the user.');
  const models = runModels(run);
  parts.push(`_Tokens: ${run.usage.inputTokens} in, ${run.usage.outputTokens} out${models.length === 0 ? '' : `; model${models.length === 1 ? '' : 's'}: ${models.join(', ')}`}._`);
  return parts.join('\n\n');
}

export function threadMarkdown(state: ThreadState, options: { readonly agentName: string }): string {
  const runs = runsOf(state);
  return [`# Conversation with ${options.agentName}`, ...runs.map((run) => runSection(run, options.agentName))].join('\n\n') + '\n';
}
