// The pattern registry: one runner per catalog pattern id.
import type { PatternId } from '@agent-generator/contracts';
import { runGraph } from './graph';
import { runGroupChat } from './group-chat';
import type { PatternRunner } from './pattern-runner';
import { runReact } from './react';
import { runSequential } from './sequential';
import { runSupervisor } from './supervisor';

export const patternRunners = {
  sequential: runSequential,
  supervisor: runSupervisor,
  react: runReact,
  graph: runGraph,
  'group-chat': runGroupChat,
} satisfies Record<PatternId, PatternRunner>;
