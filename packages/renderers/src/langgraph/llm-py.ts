// src/<pkg>/llm.py: the LangChain chat model for the configured provider, plus the packages it needs.
import type { ProviderId } from '@agent-generator/contracts';

interface ProviderIntegration {
  /** Requirements beyond langchain-openai, which every project has for OpenAI-compatible servers. */
  readonly dependencies: ReadonlyArray<string>;
  /** Python statements returning the model; `settings` is in scope. Empty for OpenAI-compatible providers. */
  readonly branch: string;
  /** The LangChain class the branch builds (for the README). */
  readonly className: string;
}

// `undefined`: the provider speaks the OpenAI protocol and goes through ChatOpenAI.
const integrations: Record<ProviderId, ProviderIntegration | undefined> = {
  openai: undefined,
  'openai-compatible': undefined,
  ollabridge: undefined,
  ollama: {
    dependencies: ['langchain-ollama>=1,<2'],
    className: 'ChatOllama',
    branch: `from langchain_ollama import ChatOllama

        # ChatOllama speaks Ollama's native API at the server root, without the /v1 suffix.
        root = (settings.base_url or "http://127.0.0.1:11434").removesuffix("/").removesuffix("/v1")
        return ChatOllama(model=settings.model_id, base_url=root, temperature=settings.temperature)`,
  },
  'azure-openai': {
    dependencies: [],
    className: 'AzureChatOpenAI',
    branch: `from langchain_openai import AzureChatOpenAI

        if not settings.base_url or not settings.api_key:
            raise ValueError("set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY for MODEL_PROVIDER=azure-openai")
        # MODEL_ID is the Azure deployment name.
        return AzureChatOpenAI(
            azure_endpoint=settings.base_url,
            azure_deployment=settings.model_id,
            api_key=settings.api_key,
            api_version=settings.api_version,
            temperature=settings.temperature,
            stream_usage=True,  # token usage also when a call streams (live events)
        )`,
  },
  anthropic: {
    dependencies: ['langchain-anthropic>=1,<2'],
    className: 'ChatAnthropic',
    branch: `from langchain_anthropic import ChatAnthropic

        if not settings.api_key:
            raise ValueError("set ANTHROPIC_API_KEY for MODEL_PROVIDER=anthropic")
        return ChatAnthropic(model=settings.model_id, api_key=settings.api_key, temperature=settings.temperature)`,
  },
  bedrock: {
    dependencies: ['langchain-aws>=1,<2'],
    className: 'ChatBedrockConverse',
    branch: `from langchain_aws import ChatBedrockConverse

        # Credentials come from the standard AWS chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile, role).
        return ChatBedrockConverse(model=settings.model_id, region_name=settings.region, temperature=settings.temperature)`,
  },
  vertex: {
    dependencies: ['langchain-google-genai>=4,<5'],
    className: 'ChatGoogleGenerativeAI',
    branch: `from langchain_google_genai import ChatGoogleGenerativeAI

        if settings.api_key:  # the Gemini API with GOOGLE_API_KEY
            return ChatGoogleGenerativeAI(model=settings.model_id, api_key=settings.api_key, temperature=settings.temperature)
        if not settings.project:
            raise ValueError("set GOOGLE_API_KEY, or GOOGLE_CLOUD_PROJECT for Vertex AI, for MODEL_PROVIDER=vertex")
        # Vertex AI with Application Default Credentials (gcloud auth application-default login).
        return ChatGoogleGenerativeAI(
            model=settings.model_id,
            vertexai=True,
            project=settings.project,
            location=settings.location,
            temperature=settings.temperature,
        )`,
  },
  watsonx: {
    dependencies: ['langchain-ibm>=1,<2'],
    className: 'ChatWatsonx',
    branch: `from langchain_ibm import ChatWatsonx

        if not settings.base_url or not settings.api_key or not settings.project:
            raise ValueError("set WATSONX_URL, WATSONX_APIKEY and WATSONX_PROJECT_ID for MODEL_PROVIDER=watsonx")
        return ChatWatsonx(
            model_id=settings.model_id,
            url=settings.base_url,
            apikey=settings.api_key,
            project_id=settings.project,
            temperature=settings.temperature,
        )`,
  },
};

function integrationOf(provider: ProviderId): ProviderIntegration | undefined {
  return integrations[provider];
}

const COMPATIBLE: ReadonlyArray<ProviderId> = ['openai', 'openai-compatible', 'ollama', 'ollabridge'];

/** The MODEL_PROVIDER values a project for `provider` runs with: its own plus the OpenAI-compatible ones. */
function supportedProviders(provider: ProviderId): ReadonlyArray<ProviderId> {
  return COMPATIBLE.includes(provider) ? COMPATIBLE : [provider, ...COMPATIBLE];
}

/** The providers that go through ChatOpenAI: the OpenAI-compatible ones without a native branch. */
export function chatOpenAiProviders(provider: ProviderId): ReadonlyArray<ProviderId> {
  return COMPATIBLE.filter((candidate) => candidate !== provider || integrationOf(candidate) === undefined);
}

/** Runtime requirements of a LangGraph project for the spec's provider. */
export function langgraphDependencies(provider: ProviderId): string[] {
  return ['langgraph>=1.2,<2', 'langchain-core>=1,<2', 'langchain-openai>=1,<2', ...(integrationOf(provider)?.dependencies ?? [])];
}

/** The LangChain chat model class used for the spec's provider. */
export function chatModelClass(provider: ProviderId): string {
  return integrationOf(provider)?.className ?? 'ChatOpenAI';
}

export function llmPy(provider: ProviderId, packageName: string): string {
  const integration = integrationOf(provider);
  const supported = supportedProviders(provider).join(', ');
  const native = integration
    ? `    if settings.provider == "${provider}":
        ${integration.branch}
`
    : '';
  return `"""Builds the LangChain chat model from the settings (MODEL_PROVIDER, MODEL_ID, … in settings.py)."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from ${packageName}.settings import Settings


def build_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model for settings.provider; OpenAI-compatible servers all go through ChatOpenAI."""
${native}    if settings.is_openai_compatible:
        return openai_compatible_model(settings)
    raise ValueError(
        f"MODEL_PROVIDER={settings.provider!r} is not set up in this project; it supports ${supported}"
    )


def openai_compatible_model(settings: Settings) -> BaseChatModel:
    """ChatOpenAI on the chat-completions API of OpenAI, Ollama, OllaBridge, vLLM or any compatible server."""
    from langchain_openai import ChatOpenAI

    if not settings.base_url:
        raise ValueError(f"set OPENAI_BASE_URL (or the provider's base URL) for MODEL_PROVIDER={settings.provider}")
    if settings.provider == "openai" and not settings.api_key:
        raise ValueError("set OPENAI_API_KEY for MODEL_PROVIDER=openai")
    return ChatOpenAI(
        model=settings.model_id,
        base_url=settings.base_url,
        api_key=settings.api_key or "not-needed",
        temperature=settings.temperature,
        # Streamed calls (live events on) ask for token usage too; the last chunk then carries it.
        stream_usage=True,
        # Compatible servers speak chat completions only; OpenAI itself may pick the Responses API.
        use_responses_api=None if settings.provider == "openai" else False,
    )
`;
}
