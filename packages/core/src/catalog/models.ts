// Models with the ids their provider's API accepts. Prices: US$ per million tokens as published
// on each provider's pricing page (checked 2025-11); local models cost nothing per token.
import type { ModelEntry } from '@agent-generator/contracts';

export const models: ReadonlyArray<ModelEntry> = [
  { id: 'gpt-4o-mini', label: 'GPT-4o mini', provider: 'openai', contextWindow: 128_000, price: { input: 0.15, output: 0.6 }, toolCalling: true },
  { id: 'gpt-4o', label: 'GPT-4o', provider: 'openai', contextWindow: 128_000, price: { input: 2.5, output: 10 }, toolCalling: true },
  { id: 'gpt-4.1', label: 'GPT-4.1', provider: 'openai', contextWindow: 1_047_576, price: { input: 2, output: 8 }, toolCalling: true },
  { id: 'gpt-5', label: 'GPT-5', provider: 'openai', contextWindow: 400_000, price: { input: 1.25, output: 10 }, toolCalling: true },
  { id: 'gpt-5-mini', label: 'GPT-5 mini', provider: 'openai', contextWindow: 400_000, price: { input: 0.25, output: 2 }, toolCalling: true },
  // Azure OpenAI addresses a model by the deployment name; these are the default deployment names.
  { id: 'gpt-4.1', label: 'GPT-4.1 (Azure)', provider: 'azure-openai', contextWindow: 1_047_576, price: { input: 2, output: 8 }, toolCalling: true },
  { id: 'gpt-4o', label: 'GPT-4o (Azure)', provider: 'azure-openai', contextWindow: 128_000, price: { input: 2.5, output: 10 }, toolCalling: true },
  { id: 'gpt-5-mini', label: 'GPT-5 mini (Azure)', provider: 'azure-openai', contextWindow: 400_000, price: { input: 0.25, output: 2 }, toolCalling: true },
  { id: 'claude-sonnet-4-5-20250929', label: 'Claude Sonnet 4.5', provider: 'anthropic', contextWindow: 200_000, price: { input: 3, output: 15 }, toolCalling: true },
  { id: 'claude-haiku-4-5-20251001', label: 'Claude Haiku 4.5', provider: 'anthropic', contextWindow: 200_000, price: { input: 1, output: 5 }, toolCalling: true },
  { id: 'claude-opus-4-1-20250805', label: 'Claude Opus 4.1', provider: 'anthropic', contextWindow: 200_000, price: { input: 15, output: 75 }, toolCalling: true },
  // Bedrock on-demand Claude needs a cross-region inference profile id (the `us.` prefix).
  { id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', label: 'Claude Sonnet 4.5 (Bedrock)', provider: 'bedrock', contextWindow: 200_000, price: { input: 3, output: 15 }, toolCalling: true },
  { id: 'amazon.nova-pro-v1:0', label: 'Amazon Nova Pro', provider: 'bedrock', contextWindow: 300_000, price: { input: 0.8, output: 3.2 }, toolCalling: true },
  { id: 'amazon.nova-lite-v1:0', label: 'Amazon Nova Lite', provider: 'bedrock', contextWindow: 300_000, price: { input: 0.06, output: 0.24 }, toolCalling: true },
  { id: 'gemini-2.5-pro', label: 'Gemini 2.5 Pro', provider: 'vertex', contextWindow: 1_048_576, price: { input: 1.25, output: 10 }, toolCalling: true },
  { id: 'gemini-2.5-flash', label: 'Gemini 2.5 Flash', provider: 'vertex', contextWindow: 1_048_576, price: { input: 0.3, output: 2.5 }, toolCalling: true },
  { id: 'ibm/granite-3-3-8b-instruct', label: 'Granite 3.3 8B Instruct', provider: 'watsonx', contextWindow: 131_072, price: { input: 0.2, output: 0.2 }, toolCalling: true },
  { id: 'meta-llama/llama-3-3-70b-instruct', label: 'Llama 3.3 70B Instruct', provider: 'watsonx', contextWindow: 131_072, price: { input: 0.71, output: 0.71 }, toolCalling: true },
  { id: 'llama3.1:8b', label: 'Llama 3.1 8B', provider: 'ollama', contextWindow: 131_072, price: { input: 0, output: 0 }, toolCalling: true },
  { id: 'qwen2.5:7b', label: 'Qwen 2.5 7B', provider: 'ollama', contextWindow: 32_768, price: { input: 0, output: 0 }, toolCalling: true },
  { id: 'granite3.3:8b', label: 'Granite 3.3 8B', provider: 'ollama', contextWindow: 131_072, price: { input: 0, output: 0 }, toolCalling: true },
  { id: 'qwen2.5:1.5b', label: 'Qwen 2.5 1.5B', provider: 'ollabridge', contextWindow: 32_768, price: { input: 0, output: 0 }, toolCalling: true },
  { id: 'llama3.1:8b', label: 'Llama 3.1 8B', provider: 'ollabridge', contextWindow: 131_072, price: { input: 0, output: 0 }, toolCalling: true },
];
