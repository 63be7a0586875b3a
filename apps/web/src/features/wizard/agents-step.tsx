// Step 3: the planned agents and tasks, editable in place, with tools per agent from the catalog.
import type { ProjectSpec, Selection } from '@agent-generator/contracts';
import { catalog } from '@agent-generator/core';
import { SpecEditor } from '@agent-generator/ui';
import { useMemo, type Dispatch } from 'react';
import { toolBlocksOf } from './wizard-selection';
import type { WizardAction } from './wizard-state';

export function AgentsStep({ spec, selection, dispatch }: { readonly spec: ProjectSpec; readonly selection: Selection; readonly dispatch: Dispatch<WizardAction> }) {
  const blocks = useMemo(() => toolBlocksOf(selection, spec, catalog.tools.map((tool) => tool.id)), [selection, spec]);
  return <SpecEditor spec={spec} tools={catalog.tools} toolBlocks={blocks} onChange={(next) => dispatch({ type: 'spec', spec: next })} />;
}
