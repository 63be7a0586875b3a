// Where a generated project can go after generation.
import type { ExportTargetEntry } from '@agent-generator/contracts';

export const exportTargets: ReadonlyArray<ExportTargetEntry> = [
  { id: 'zip', label: 'ZIP archive', description: 'Download the project as a .zip file.' },
  { id: 'docker', label: 'Docker image', description: 'Build a container image from the generated Dockerfile.' },
  { id: 'github', label: 'GitHub repository', description: 'Push the project to a new repository.' },
  { id: 'azure-ai', label: 'Azure AI Foundry', description: 'Host the agent as a container in Azure AI Foundry Agent Service.' },
  { id: 'bedrock', label: 'Amazon Bedrock AgentCore', description: 'Deploy the agent to the Bedrock AgentCore Runtime.' },
  { id: 'vertex-ai', label: 'Vertex AI Agent Engine', description: 'Deploy the agent to Google’s Vertex AI Agent Engine.' },
  { id: 'watsonx', label: 'watsonx Orchestrate', description: 'Import the agent with `orchestrate agents import`.' },
  { id: 'hf', label: 'Hugging Face Space', description: 'Run the agent as a Docker Space.' },
];
