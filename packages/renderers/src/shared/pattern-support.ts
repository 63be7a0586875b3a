// Refuses specs a renderer cannot turn into a working project: another framework, or a pattern the
// catalog marks unsupported for this framework.
import type { FrameworkEntry, ProjectSpec } from '@agent-generator/contracts';

export function assertRenderable(spec: ProjectSpec, framework: FrameworkEntry): void {
  if (spec.framework !== framework.id) {
    throw new Error(`the ${framework.name} renderer cannot render a spec for framework "${spec.framework}"`);
  }
  if (framework.patterns[spec.pattern] === 'unsupported') {
    const supported = Object.entries(framework.patterns)
      .filter(([, support]) => support !== 'unsupported')
      .map(([pattern]) => pattern);
    throw new Error(`${framework.name} does not support the "${spec.pattern}" pattern; choose one of: ${supported.join(', ')}`);
  }
}
