// src/<pkg>/llm.py: the LlamaIndex chat model for the configured provider. The OpenAI-compatible
// route (OpenAILike with tool calling switched on) is always there; the spec's provider adds its
// own integration in front of it.
import type { ProviderId } from '@agent-generator/contracts';
import { pyString } from '../shared/escape';

interface ProviderBranch {
  readonly imports: string;
  readonly code: string;
}

const NONE: ProviderBranch = { imports: '', code: '' };

function branch(provider: ProviderId): ProviderBranch {
  switch (provider) {
    case 'openai':
    case 'openai-compatible':
    case 'ollabridge':
      return NONE;
    case 'ollama':
      return {
        imports: 'from llama_index.llms.ollama import Ollama\n',
        code: `    if settings.provider == "ollama":
        return Ollama(
            model=settings.model_id,
            base_url=(settings.base_url or "http://127.0.0.1:11434").removesuffix("/v1"),
            temperature=settings.temperature,
            request_timeout=TIMEOUT_SECONDS,
            context_window=CONTEXT_WINDOW,
            is_function_calling_model=True,
        )
`,
      };
    case 'azure-openai':
      return {
        imports: 'from llama_index.llms.azure_openai import AzureOpenAI\n',
        code: `    if settings.provider == "azure-openai":
        # The deployment name is MODEL_ID: name your Azure deployment after the model.
        return AzureOpenAI(
            model=settings.model_id,
            engine=settings.model_id,
            azure_endpoint=settings.base_url,
            api_key=settings.api_key,
            api_version=settings.api_version,
            temperature=settings.temperature,
            timeout=TIMEOUT_SECONDS,
        )
`,
      };
    case 'anthropic':
      return {
        imports: 'from llama_index.llms.anthropic import Anthropic\n',
        code: `    if settings.provider == "anthropic":
        return Anthropic(model=settings.model_id, api_key=settings.api_key, temperature=settings.temperature, max_tokens=4096)
`,
      };
    case 'bedrock':
      return {
        imports: 'from llama_index.llms.bedrock_converse import BedrockConverse\n',
        code: `    if settings.provider == "bedrock":
        # Credentials come from the usual AWS chain (AWS_ACCESS_KEY_ID, a profile or a role).
        return BedrockConverse(model=settings.model_id, region_name=settings.region, temperature=settings.temperature)
`,
      };
    case 'vertex':
      return {
        imports: 'from llama_index.llms.google_genai import GoogleGenAI\n',
        code: `    if settings.provider == "vertex":
        if settings.api_key:
            return GoogleGenAI(model=settings.model_id, api_key=settings.api_key, temperature=settings.temperature)
        return GoogleGenAI(
            model=settings.model_id,
            vertexai_config={"project": settings.project, "location": settings.location},
            temperature=settings.temperature,
        )
`,
      };
    case 'watsonx':
      return {
        imports: 'from llama_index.llms.ibm import WatsonxLLM\n',
        code: `    if settings.provider == "watsonx":
        return WatsonxLLM(
            model_id=settings.model_id,
            url=settings.base_url,
            apikey=settings.api_key,
            project_id=settings.project,
            temperature=settings.temperature,
        )
`,
      };
  }
}

export function llmPy(provider: ProviderId): string {
  const native = branch(provider);
  return `"""The LlamaIndex chat model for the configured provider (settings.py reads it from the environment)."""

from __future__ import annotations

from llama_index.core.llms.function_calling import FunctionCallingLLM
${native.imports}from llama_index.llms.openai_like import OpenAILike

from .settings import Settings

SPEC_PROVIDER = ${pyString(provider)}
CONTEXT_WINDOW = 32768
TIMEOUT_SECONDS = 120.0


def build_llm(settings: Settings) -> FunctionCallingLLM:
    """The model every agent uses; OpenAI-compatible servers go through OpenAILike with tool calling on."""
${native.code}    if settings.is_openai_compatible:
        return OpenAILike(
            model=settings.model_id,
            api_base=settings.base_url,
            api_key=settings.api_key or "not-needed",
            temperature=settings.temperature,
            context_window=CONTEXT_WINDOW,
            timeout=TIMEOUT_SECONDS,
            is_chat_model=True,
            is_function_calling_model=True,
            # Streamed answers end with a usage chunk, so live events can report token counts.
            additional_kwargs={"stream_options": {"include_usage": True}},
        )
    raise ValueError(
        f"MODEL_PROVIDER={settings.provider!r} has no LlamaIndex integration in this project; "
        f"use {SPEC_PROVIDER!r} or an OpenAI-compatible provider (openai, openai-compatible, ollama, ollabridge)"
    )
`;
}
