// src/<pkg>/__init__.py: the package marker with the project's display name and version.
import { pyString } from '../escape';
import type { ProjectContext } from './project-context';

export function initPy(context: ProjectContext): string {
  return `"""A generated multi-agent project; run it with \`python -m ${context.packageName} run\`."""

PROJECT_NAME = ${pyString(context.spec.name)}
__version__ = "0.1.0"
`;
}
