// The signature every orchestration pattern implements: run the spec, return the final answer.
import type { RunContext } from '../run-context';

export type PatternRunner = (context: RunContext) => Promise<string>;
