// The checks both CrewAI suites make of a `run --events` stdout: every line valid by the RunEvent
// JSON Schema, gap-free seq, run-start first and a succeeded run-end last, agent and task steps in
// the promised order and balanced, real usage and streamed text, tool calls inside agent steps.
import { runEventJsonSchema } from '@agent-generator/contracts';
import { Ajv2020 } from 'ajv/dist/2020';
import { expect } from 'vitest';

const validate = new Ajv2020({ strict: false }).compile(runEventJsonSchema());

export function expectCrewEventRun(stdout: string, expected: { readonly agents: ReadonlyArray<string> | undefined; readonly tasks: ReadonlyArray<string> | undefined }): void {
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  for (const line of lines) expect(validate(line), JSON.stringify({ line, errors: validate.errors })).toBe(true);
  expect(lines.map((line) => line.seq)).toEqual(lines.map((_, index) => index));
  expect(lines[0]?.type).toBe('run-start');
  expect(lines.at(-1)).toMatchObject({ type: 'run-end', status: 'succeeded' });
  const starts = lines.filter((line) => line.type === 'step-start');
  expect(starts.filter((line) => line.kind === 'agent').map((line) => line.agent)).toEqual(expected.agents);
  expect(starts.filter((line) => line.kind === 'task').map((line) => line.task)).toEqual(expected.tasks);
  expect(lines.filter((line) => line.type === 'step-end')).toHaveLength(starts.length);
  expect(lines.some((line) => line.type === 'usage' && Number(line.inputTokens) + Number(line.outputTokens) > 0)).toBe(true);
  expect(lines.some((line) => line.type === 'text-delta')).toBe(true);
  const agentSteps = new Set(starts.filter((line) => line.kind === 'agent').map((line) => line.stepId));
  for (const call of lines.filter((line) => line.type === 'tool-call-start')) expect(agentSteps.has(call.stepId)).toBe(true);
}
