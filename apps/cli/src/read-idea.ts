// Reads the idea argument (or stdin for "-") and checks it before the planner sees it.
import { MAX_IDEA_LENGTH } from '@agent-generator/contracts';
import { CliError } from './cli-error';
import type { CliIo } from './io';

export async function readIdea(positionals: ReadonlyArray<string>, io: CliIo): Promise<string> {
  if (positionals.length === 0) throw new CliError('missing the idea. Example: agent-generator generate "a research crew that writes a weekly digest" --framework crewai');
  if (positionals.length > 1) throw new CliError(`expected one idea in quotes, got ${positionals.length} words. Put the idea in quotes.`);
  const [first = ''] = positionals;
  const idea = first === '-' ? await io.readStdin() : first;
  if (idea.trim().length === 0) throw new CliError('the idea is empty. Describe the agent system in a sentence.');
  if (idea.length > MAX_IDEA_LENGTH) throw new CliError(`the idea is ${idea.length} characters; the limit is ${MAX_IDEA_LENGTH}. Shorten it.`);
  return idea;
}
