// models/llm.yaml: the AI-gateway model spec for providers other than watsonx.ai. Secrets stay out
// of it: import.sh binds a key_value connection filled from the environment.
import type { ProjectSpec } from '@agent-generator/contracts';
import { yamlString } from '../shared/escape';
import type { GatewayProvider } from './orchestrate-llm';
import { llmName } from './orchestrate-llm';

export function modelYaml(spec: ProjectSpec, provider: GatewayProvider): string {
  const config = provider.config(spec.model.id);
  const providerConfig = config.length === 0 ? ' {}' : `\n${config.map(([key, value]) => `  ${key}: ${yamlString(value)}`).join('\n')}`;
  return `# The model the agents use, served by ${provider.label} through the Orchestrate AI gateway.
# import.sh adds it with: orchestrate models import --file models/llm.yaml --app-id <connection>
spec_version: v1
kind: model
name: ${yamlString(llmName(spec))}
display_name: ${yamlString(`${spec.model.id} (${provider.label})`)}
description: ${yamlString(`${spec.model.id} through the AI gateway, for the agents of ${spec.name}`)}
model_type: chat
provider_config:${providerConfig}
`;
}
