// src/<pkg>/model.py of an AutoGen project: one ChatCompletionClient chosen from settings.py, with
// AutoGen's native clients where it has one and the OpenAI-compatible client everywhere else.

export function modelPy(): string {
  return `"""The AutoGen model client for the configured provider (see settings.py and .env.example).

openai, openai-compatible and ollabridge use OpenAIChatCompletionClient with OPENAI_BASE_URL (or
OLLABRIDGE_BASE_URL); azure-openai, anthropic and ollama use AutoGen's own clients; vertex (Gemini)
goes through Google's OpenAI-compatible endpoint. AutoGen has no Bedrock or watsonx client: serve
those models behind an OpenAI-compatible gateway and set MODEL_PROVIDER=openai-compatible.
"""

from __future__ import annotations

from autogen_core.models import ChatCompletionClient, ModelFamily, ModelInfo

from .settings import Settings

GEMINI_OPENAI_URL = "https://generativelanguage.googleapis.com/v1beta/openai/"

# AutoGen cannot look up capabilities for model ids it does not know (every non-OpenAI id, and
# OpenAI ids newer than the package); the agents need tool calling and nothing else.
MODEL_INFO = ModelInfo(
    vision=False,
    function_calling=True,
    json_output=False,
    family=ModelFamily.UNKNOWN,
    structured_output=False,
    multiple_system_messages=False,
)


def _required(value: str | None, variable: str) -> str:
    if not value:
        raise ValueError(f"{variable} is not set (see .env.example)")
    return value


def build_model_client(settings: Settings, *, streaming: bool = False) -> ChatCompletionClient:
    """The client every agent of the team shares; raises ValueError naming what is missing.

    streaming: every call of the run will stream (live events are on), so the OpenAI-protocol clients
    ask for the token usage at the end of each stream; OpenAI accepts that option only on streams.
    """
    provider = settings.provider
    usage_in_stream = {"stream_options": {"include_usage": True}} if streaming else {}
    if provider in ("openai", "openai-compatible", "ollabridge"):
        from autogen_ext.models.openai import OpenAIChatCompletionClient

        variable = "OLLABRIDGE_BASE_URL" if provider == "ollabridge" else "OPENAI_BASE_URL"
        return OpenAIChatCompletionClient(
            model=settings.model_id,
            base_url=_required(settings.base_url, variable),
            api_key=settings.api_key or "not-needed",
            temperature=settings.temperature,
            model_info=MODEL_INFO,
            **usage_in_stream,
        )
    if provider == "ollama":
        from autogen_ext.models.ollama import OllamaChatCompletionClient

        host = _required(settings.base_url, "OLLAMA_BASE_URL").removesuffix("/v1")
        return OllamaChatCompletionClient(
            model=settings.model_id, host=host, model_info=MODEL_INFO, options={"temperature": settings.temperature}
        )
    if provider == "azure-openai":
        from autogen_ext.models.openai import AzureOpenAIChatCompletionClient

        return AzureOpenAIChatCompletionClient(
            model=settings.model_id,
            azure_deployment=settings.model_id,
            azure_endpoint=_required(settings.base_url, "AZURE_OPENAI_ENDPOINT"),
            api_key=_required(settings.api_key, "AZURE_OPENAI_API_KEY"),
            api_version=settings.api_version or "2024-10-21",
            temperature=settings.temperature,
            model_info=MODEL_INFO,
            **usage_in_stream,
        )
    if provider == "anthropic":
        from autogen_ext.models.anthropic import AnthropicChatCompletionClient

        return AnthropicChatCompletionClient(
            model=settings.model_id,
            api_key=_required(settings.api_key, "ANTHROPIC_API_KEY"),
            temperature=settings.temperature,
            model_info=MODEL_INFO,
        )
    if provider == "vertex":
        from autogen_ext.models.openai import OpenAIChatCompletionClient

        return OpenAIChatCompletionClient(
            model=settings.model_id,
            base_url=GEMINI_OPENAI_URL,
            api_key=_required(settings.api_key, "GOOGLE_API_KEY"),
            temperature=settings.temperature,
            model_info=MODEL_INFO,
            include_name_in_message=False,
        )
    raise ValueError(
        f"AutoGen has no {provider} model client: serve the model behind an OpenAI-compatible gateway, "
        "then set MODEL_PROVIDER=openai-compatible and OPENAI_BASE_URL (see README)"
    )
`;
}
