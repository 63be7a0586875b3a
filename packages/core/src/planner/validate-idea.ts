// The idea a person typed, cleaned and checked before anything is read from it.
import { cleanText, MAX_IDEA_LENGTH, UserError } from '@agent-generator/contracts';
import { characterCount } from './text-helpers';

/** Returns the cleaned, trimmed idea, or throws a UserError saying what to change. */
export function validateIdea(idea: string): string {
  const cleaned = cleanText(idea).trim();
  if (cleaned.length === 0) {
    throw new UserError('invalid_input', 'Describe your idea in a sentence or two, e.g. "find new papers on a topic and write a weekly digest".', {
      field: 'idea',
    });
  }
  const length = characterCount(cleaned);
  if (length > MAX_IDEA_LENGTH) {
    throw new UserError(
      'invalid_input',
      `Your idea is ${length} characters long; the limit is ${MAX_IDEA_LENGTH}. Shorten it to the goal and the main steps.`,
      { field: 'idea', length, limit: MAX_IDEA_LENGTH },
    );
  }
  return cleaned;
}
