// The files that make a generated project a service: `serve` and its protocol modules, plus the
// generated tests of serve mode and of live events.
import type { GeneratedFile } from '@agent-generator/contracts';
import type { ProjectContext } from './project-context';
import { serveA2aPy } from './serve-a2a-py';
import { serveHttpPy } from './serve-http-py';
import { serveMcpPy } from './serve-mcp-py';
import { serveOpenaiPy } from './serve-openai-py';
import { servePy } from './serve-py';
import { serveRunnerPy } from './serve-runner-py';
import { serviceInfoPy } from './service-info-py';
import { testEventsPy } from './test-events-py';
import { testServePy } from './test-serve-py';

export function serviceFiles(context: ProjectContext): GeneratedFile[] {
  const source = `src/${context.packageName}`;
  return [
    { path: `${source}/serve.py`, content: servePy(context.packageName) },
    { path: `${source}/serve_a2a.py`, content: serveA2aPy() },
    { path: `${source}/serve_http.py`, content: serveHttpPy() },
    { path: `${source}/serve_mcp.py`, content: serveMcpPy() },
    { path: `${source}/serve_openai.py`, content: serveOpenaiPy() },
    { path: `${source}/serve_runner.py`, content: serveRunnerPy() },
    { path: `${source}/service_info.py`, content: serviceInfoPy(context) },
    { path: 'tests/test_events.py', content: testEventsPy(context) },
    { path: 'tests/test_serve.py', content: testServePy(context) },
  ];
}
