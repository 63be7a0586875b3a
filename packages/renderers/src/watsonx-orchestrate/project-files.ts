// The plain project files of an Orchestrate project: .env.example, pyproject.toml (metadata and
// pytest settings; the project is imported, not installed), requirements-dev.txt, Dockerfile and
// .dockerignore. No secret ever lands in them.
import type { ProjectSpec } from '@agent-generator/contracts';
import { commentText, tomlString } from '../shared/escape';
import type { ProjectContext } from '../shared/python/project-context';
import { providerEntry, toolEntry } from '../shared/tool-catalog';
import { developmentRequirements } from './tool-files';
import type { GatewayProvider } from './orchestrate-llm';

function modelLines(spec: ProjectSpec, provider: GatewayProvider | undefined): string[] {
  if (!provider) return [`# Model: watsonx/${spec.model.id}, served by the Orchestrate instance itself; nothing to set.`];
  const examples = new Map(providerEntry(spec.model.provider).env.map((variable) => [variable.name, variable.example]));
  const lines = [`# Model: ${provider.label} through the AI gateway; import.sh stores these in a connection.`];
  if (spec.model.provider === 'azure-openai') lines.push(`AZURE_OPENAI_ENDPOINT=${examples.get('AZURE_OPENAI_ENDPOINT') ?? ''}`);
  for (const entry of provider.entries) {
    if (entry.note) lines.push(`# ${entry.note}`);
    if (entry.secret) lines.push('# secret: keep it out of git');
    lines.push(`${entry.env}=${entry.secret ? '' : (entry.example ?? examples.get(entry.env) ?? '')}`);
  }
  return lines;
}

function toolLines(context: ProjectContext): string[] {
  const names = [...new Set(context.tools.flatMap((tool) => toolEntry(tool.id).env))];
  if (names.length === 0) return [];
  return [
    '',
    '# Tools: for running the tool functions locally. Orchestrate does not pass these to the tools it runs (see README).',
    ...names.map((name) => `${name}=${context.tools.map((tool) => tool.envExamples[name]).find((value) => value !== undefined) ?? ''}`),
  ];
}

export function envExample(context: ProjectContext, provider: GatewayProvider | undefined): string {
  const { spec } = context;
  return [
    `# Settings of ${commentText(spec.name)} for import.sh and the Docker image. Copy to .env; never commit .env.`,
    '',
    '# The Orchestrate instance: its service URL and an API key (Settings > API details in Orchestrate).',
    '# Leave WO_INSTANCE empty to import into the environment you activated with `orchestrate env activate`.',
    '# Example: https://api.us-south.watson-orchestrate.cloud.ibm.com/instances/YOUR-INSTANCE-ID',
    'WO_INSTANCE=',
    '# secret: keep it out of git',
    'WO_API_KEY=',
    '# ibm_iam (IBM Cloud) or mcsp (AWS); empty lets the ADK infer it from the URL.',
    'WO_AUTH_TYPE=',
    `WO_ENV_NAME=${spec.slug}`,
    '',
    ...modelLines(spec, provider),
    ...toolLines(context),
    '',
  ].join('\n');
}

function tomlList(values: ReadonlyArray<string>): string {
  return `[${values.map(tomlString).join(', ')}]`;
}

export function pyprojectToml(context: ProjectContext): string {
  const { spec } = context;
  return `# Metadata and test settings. The agents are imported into Orchestrate with ./import.sh, not installed.
[project]
name = ${tomlString(spec.slug)}
version = "0.1.0"
description = ${tomlString(spec.name)}
readme = "README.md"
requires-python = ">=3.11"
dependencies = ${tomlList(developmentRequirements(context))}

[project.optional-dependencies]
test = ["pytest>=8,<9"]

[tool.pytest.ini_options]
pythonpath = ["tools"]
testpaths = ["tests"]
# The ADK still uses some Pydantic v1-style models; their deprecation notices are not ours to fix.
filterwarnings = ["ignore::DeprecationWarning"]
`;
}

export function requirementsDev(context: ProjectContext): string {
  return `# The ADK and test tools for working on this project: pip install -r requirements-dev.txt\n-r requirements.txt\n${developmentRequirements(context)
    .filter((line) => line.startsWith('ibm-watsonx-orchestrate'))
    .join('\n')}\npytest>=8,<9\n`;
}

export function dockerfile(context: ProjectContext, withModel: boolean): string {
  return `# An image that imports ${commentText(context.spec.name)} into a watsonx Orchestrate instance with the ADK.
# Build: docker build -t ${context.spec.slug}-orchestrate .
# Run:   docker run --rm --env-file .env ${context.spec.slug}-orchestrate
ARG BASE_IMAGE=python:3.11-slim

FROM \${BASE_IMAGE} AS builder
RUN python -m venv /opt/venv
COPY requirements.txt requirements-dev.txt /tmp/
RUN /opt/venv/bin/pip install --no-cache-dir -r /tmp/requirements.txt "$(grep '^ibm-watsonx-orchestrate' /tmp/requirements-dev.txt)"

FROM \${BASE_IMAGE}
ENV PATH=/opt/venv/bin:$PATH \\
    PYTHONUNBUFFERED=1 \\
    PYTHONDONTWRITEBYTECODE=1
COPY --from=builder /opt/venv /opt/venv
RUN useradd --create-home --uid 10001 orchestrate
WORKDIR /app
COPY --chown=10001:10001 agents ./agents
COPY --chown=10001:10001 tools ./tools
${withModel ? 'COPY --chown=10001:10001 models ./models\n' : ''}COPY --chown=10001:10001 requirements.txt import.sh ./
USER 10001
# Credentials arrive at run time (--env-file .env); none are baked into the image.
ENTRYPOINT ["bash", "./import.sh"]
`;
}

export function dockerignore(): string {
  return ['.env', '.env.*', '**/.env', '**/.env.*', '!.env.example', '.venv', '__pycache__', '*.pyc', '.git', '.pytest_cache', 'tests', ''].join('\n');
}
