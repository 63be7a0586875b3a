// README paragraphs both CrewAI renderers share: the model route, telemetry and the CLI.
import type { FrameworkId, ProjectSpec } from '@agent-generator/contracts';
import { frameworkById, providerById } from '@agent-generator/core';
import { packageName } from '../shared/escape';

function providerNote(spec: ProjectSpec, framework: FrameworkId): string {
  const provider = providerById(spec.model.provider);
  const support = frameworkById(framework).providers[spec.model.provider];
  if (spec.model.provider === 'watsonx') {
    return `**Model.** ${provider.label} has no native CrewAI client, so \`llm.py\` reaches it through CrewAI's LiteLLM route (\`watsonx/<MODEL_ID>\`, the \`crewai[litellm]\` extra) with \`WATSONX_URL\`, \`WATSONX_APIKEY\` and \`WATSONX_PROJECT_ID\`. If you prefer, put an OpenAI-compatible gateway in front of watsonx and set \`MODEL_PROVIDER=openai-compatible\` with \`OPENAI_BASE_URL\`.`;
  }
  if (support === 'adapter') {
    return `**Model.** ${provider.label} is reached through its OpenAI-compatible endpoint with CrewAI's built-in OpenAI client (see \`llm.py\`); there is no dedicated CrewAI integration for it.`;
  }
  return `**Model.** \`llm.py\` builds CrewAI's native client for \`MODEL_PROVIDER\` (now ${provider.label}). OpenAI, Ollama, OllaBridge and any OpenAI-compatible server (vLLM, LM Studio, …) share the OpenAI client with their base URL; Anthropic, Azure OpenAI, Bedrock and Vertex/Gemini need CrewAI's extra for that provider (\`pip install "crewai[anthropic]"\` and so on; this project installs the one for its own provider).`;
}

export function crewaiNotes(spec: ProjectSpec, framework: FrameworkId): string {
  return `${providerNote(spec, framework)}

**Telemetry.** CrewAI sends anonymous usage telemetry unless you switch it off: put \`CREWAI_DISABLE_TELEMETRY=true\` and \`OTEL_SDK_DISABLED=true\` in \`.env\` (or the environment). The generated tests set both, plus \`CREWAI_TRACING_ENABLED=false\`, so they never reach the network.

**No CrewAI CLI needed.** The \`crewai\` command now lives in the separate \`crewai-cli\` package; this project runs with plain Python (\`python -m ${packageName(spec.slug)} run\`), so \`crewai run\` is optional.`;
}
