"""The Strands model for the configured provider (see settings.py and .env.example).

Every agent gets this model explicitly: Strands would otherwise default to Amazon Bedrock and look
for AWS credentials, which only MODEL_PROVIDER=bedrock should ever do.
"""

from __future__ import annotations

from strands.models import Model

from .settings import Settings

MAX_TOKENS = 4096


def _required(value: str | None, variable: str) -> str:
    if not value:
        raise ValueError(f"{variable} is not set (see .env.example)")
    return value


def build_model(settings: Settings) -> Model:
    """The model all agents share; raises ValueError naming what is missing."""
    provider = settings.provider
    params = {"temperature": settings.temperature}
    if provider in ("openai", "openai-compatible", "ollabridge"):
        from strands.models.openai import OpenAIModel

        variable = "OLLABRIDGE_BASE_URL" if provider == "ollabridge" else "OPENAI_BASE_URL"
        client_args = {"base_url": _required(settings.base_url, variable), "api_key": settings.api_key or "not-needed"}
        return OpenAIModel(client_args=client_args, model_id=settings.model_id, params=params)
    if provider == "azure-openai":
        from strands.models.openai import OpenAIModel

        # Azure OpenAI's OpenAI-compatible v1 endpoint; MODEL_ID is the deployment name.
        endpoint = _required(settings.base_url, "AZURE_OPENAI_ENDPOINT").rstrip("/")
        client_args = {"base_url": f"{endpoint}/openai/v1/", "api_key": _required(settings.api_key, "AZURE_OPENAI_API_KEY")}
        return OpenAIModel(client_args=client_args, model_id=settings.model_id, params=params)
    if provider == "ollama":
        from strands.models.ollama import OllamaModel

        host = _required(settings.base_url, "OLLAMA_BASE_URL").removesuffix("/v1")
        return OllamaModel(host, model_id=settings.model_id, temperature=settings.temperature)
    if provider == "bedrock":
        from strands.models.bedrock import BedrockModel

        return BedrockModel(model_id=settings.model_id, region_name=settings.region, temperature=settings.temperature)
    if provider == "anthropic":
        from strands.models.anthropic import AnthropicModel

        client_args = {"api_key": _required(settings.api_key, "ANTHROPIC_API_KEY")}
        return AnthropicModel(client_args=client_args, model_id=settings.model_id, max_tokens=MAX_TOKENS, params=params)
    if provider == "vertex":
        from strands.models.gemini import GeminiModel

        if settings.api_key:
            client_args = {"api_key": settings.api_key}
        else:
            project = _required(settings.project, "GOOGLE_API_KEY or GOOGLE_CLOUD_PROJECT")
            client_args = {"vertexai": True, "project": project, "location": settings.location}
        return GeminiModel(client_args=client_args, model_id=settings.model_id, params=params)
    if provider == "watsonx":
        from strands.models.litellm import LiteLLMModel

        # LiteLLM's watsonx provider reads WATSONX_URL, WATSONX_APIKEY and WATSONX_PROJECT_ID.
        _required(settings.base_url, "WATSONX_URL")
        _required(settings.api_key, "WATSONX_APIKEY")
        return LiteLLMModel(model_id=f"watsonx/{settings.model_id}", params=params)
    raise ValueError(f"unknown MODEL_PROVIDER {provider!r}")
