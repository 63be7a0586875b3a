#!/usr/bin/env bash
# Imports the agents of Marketing Supervisor Agent into watsonx Orchestrate with the ADK's CLI.
# Run it after `orchestrate env activate <name>`, or set WO_INSTANCE and WO_API_KEY to add and
# activate an environment first (that is what the Docker image does).
set -euo pipefail
cd "$(dirname "$0")"

if [ -f .env ]; then
  set -a
  . ./.env
  set +a
fi

if [ -n "${WO_INSTANCE:-}" ]; then
  : "${WO_API_KEY:?set WO_API_KEY to the API key of the Orchestrate instance}"
  env_name="${WO_ENV_NAME:-marketing-supervisor-agent}"
  printf 'y\n' | orchestrate env add --name "$env_name" --url "$WO_INSTANCE" ${WO_AUTH_TYPE:+--type "$WO_AUTH_TYPE"}
  orchestrate env activate "$env_name" --api-key "$WO_API_KEY"
fi

# Tools: each file under tools/ with the package root tools/ (it holds the shared implementations).
orchestrate tools import -k python -f tools/web_search.py -r requirements.txt -p tools

# Agents: collaborators first, then the agents that call them.
orchestrate agents import -f agents/supervisor.yaml
orchestrate agents import -f agents/researcher.yaml
orchestrate agents import -f agents/writer.yaml
orchestrate agents import -f agents/manager.yaml

echo "Imported. Chat with: orchestrate chat ask --agent-name marketing_supervisor_agent_manager \"your request\""
