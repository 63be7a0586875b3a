// Generated AutoGen projects against the real framework packages from PyPI (see the shared suite).
import { autogenRenderer } from '../../packages/renderers/src/autogen/autogen.renderer';
import { describeFivePatternProjects } from './support/five-pattern-project-suite';

describeFivePatternProjects(autogenRenderer, 'AutoGen');
