// The AutoGen patterns by id: what each orchestration pattern adds to a project.
import type { PatternId } from '@agent-generator/contracts';
import type { AutogenPattern } from './autogen-pattern';
import { graphPattern } from './patterns/graph';
import { groupChatPattern } from './patterns/group-chat';
import { reactPattern } from './patterns/react';
import { sequentialPattern } from './patterns/sequential';
import { supervisorPattern } from './patterns/supervisor';

export const AUTOGEN_PATTERNS: Record<PatternId, AutogenPattern> = {
  sequential: sequentialPattern,
  supervisor: supervisorPattern,
  react: reactPattern,
  graph: graphPattern,
  'group-chat': groupChatPattern,
};
