// Generated Strands projects against the real framework packages from PyPI (see the shared suite).
import { strandsRenderer } from '../../packages/renderers/src/strands/strands.renderer';
import { describeFivePatternProjects } from './support/five-pattern-project-suite';

describeFivePatternProjects(strandsRenderer, 'Strands');
