// import.sh: imports the model (AI-gateway providers only), the tools and the agents into the active
// Orchestrate environment, collaborators before the agents that call them. Reads .env if present;
// with WO_INSTANCE and WO_API_KEY set it first adds and activates an environment (the Docker image).
import type { ProjectSpec } from '@agent-generator/contracts';
import { commentText, packageName } from '../shared/escape';
import type { GatewayProvider } from './orchestrate-llm';
import type { OrchestrateAgent } from './orchestrate-plan';

function modelSection(spec: ProjectSpec, provider: GatewayProvider): string {
  const connection = `${packageName(spec.slug)}_model`;
  const azure =
    spec.model.provider === 'azure-openai'
      ? `AZURE_OPENAI_RESOURCE_NAME="\${AZURE_OPENAI_RESOURCE_NAME:-$(printf '%s' "\${AZURE_OPENAI_ENDPOINT:-}" | sed -E 's#^https?://([^.]+)\\..*#\\1#')}"\n`
      : '';
  const checks = provider.entries.map((entry) => `: "\${${entry.env}:?set ${entry.env} in .env or the environment}"`).join('\n');
  const entries = provider.entries.map((entry) => `-e "${entry.key}=\${${entry.env}}"`).join(' ');
  return `
# The model: ${provider.label} through the AI gateway, its credentials in a key_value connection.
${azure}${checks}
orchestrate connections add -a ${connection} || true  # already there on a re-run
orchestrate connections configure -a ${connection} --env draft -k key_value -t team
orchestrate connections set-credentials -a ${connection} --env draft ${entries}
orchestrate models import --file models/llm.yaml --app-id ${connection}
`;
}

export function importSh(spec: ProjectSpec, options: { agents: ReadonlyArray<OrchestrateAgent>; provider: GatewayProvider | undefined }): string {
  const entry = options.agents[options.agents.length - 1];
  const tools = spec.tools.map((tool) => `orchestrate tools import -k python -f tools/${tool.id}.py -r requirements.txt -p tools`);
  const agents = options.agents.map((agent) => `orchestrate agents import -f agents/${agent.id}.yaml`);
  return `#!/usr/bin/env bash
# Imports the agents of ${commentText(spec.name)} into watsonx Orchestrate with the ADK's CLI.
# Run it after \`orchestrate env activate <name>\`, or set WO_INSTANCE and WO_API_KEY to add and
# activate an environment first (that is what the Docker image does).
set -euo pipefail
cd "$(dirname "$0")"

if [ -f .env ]; then
  set -a
  . ./.env
  set +a
fi

if [ -n "\${WO_INSTANCE:-}" ]; then
  : "\${WO_API_KEY:?set WO_API_KEY to the API key of the Orchestrate instance}"
  env_name="\${WO_ENV_NAME:-${spec.slug}}"
  printf 'y\\n' | orchestrate env add --name "$env_name" --url "$WO_INSTANCE" \${WO_AUTH_TYPE:+--type "$WO_AUTH_TYPE"}
  orchestrate env activate "$env_name" --api-key "$WO_API_KEY"
fi
${options.provider ? modelSection(spec, options.provider) : ''}
# Tools: each file under tools/ with the package root tools/ (it holds the shared implementations).
${tools.length > 0 ? tools.join('\n') : '# (this project has no tools)'}

# Agents: collaborators first, then the agents that call them.
${agents.join('\n')}

echo "Imported. Chat with: orchestrate chat ask --agent-name ${entry?.name ?? ''} \\"your request\\""
`;
}
