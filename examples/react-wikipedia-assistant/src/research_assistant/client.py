"""The OpenAI SDK client for the configured provider; every provider is reached over the OpenAI protocol.

- openai, openai-compatible, ollama, ollabridge: their chat-completions endpoint (settings.base_url).
- azure-openai: the SDK's AzureOpenAI client; MODEL_ID is the deployment name.
- anthropic: Anthropic's OpenAI SDK compatibility endpoint with ANTHROPIC_API_KEY.
- vertex: Gemini's OpenAI-compatible endpoint with GOOGLE_API_KEY.
- bedrock: the SDK's Bedrock provider (Bedrock's OpenAI-compatible API, AWS credentials; needs openai[bedrock]).
- watsonx: no OpenAI-compatible endpoint of its own; put a gateway in front and use openai-compatible.
"""

from __future__ import annotations

from openai import AzureOpenAI, OpenAI

from research_assistant.settings import Settings

ANTHROPIC_OPENAI_URL = "https://api.anthropic.com/v1/"
GEMINI_OPENAI_URL = "https://generativelanguage.googleapis.com/v1beta/openai/"


def build_client(settings: Settings) -> OpenAI:
    """An OpenAI-protocol client for settings.provider; raises ValueError naming what is missing."""
    provider = settings.provider
    if settings.is_openai_compatible:
        if not settings.base_url:
            raise ValueError(f"set OPENAI_BASE_URL (or the provider's base URL) for MODEL_PROVIDER={provider}")
        if provider == "openai" and not settings.api_key:
            raise ValueError("set OPENAI_API_KEY for MODEL_PROVIDER=openai")
        return OpenAI(base_url=settings.base_url, api_key=settings.api_key or "not-needed")
    if provider == "azure-openai":
        if not settings.base_url or not settings.api_key:
            raise ValueError("set AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_API_KEY for MODEL_PROVIDER=azure-openai")
        return AzureOpenAI(azure_endpoint=settings.base_url, api_key=settings.api_key, api_version=settings.api_version)
    if provider == "anthropic":
        if not settings.api_key:
            raise ValueError("set ANTHROPIC_API_KEY for MODEL_PROVIDER=anthropic")
        return OpenAI(base_url=ANTHROPIC_OPENAI_URL, api_key=settings.api_key)
    if provider == "vertex":
        if not settings.api_key:
            raise ValueError(
                "set GOOGLE_API_KEY for MODEL_PROVIDER=vertex (Gemini's OpenAI-compatible API); for Vertex AI with "
                "Google credentials use MODEL_PROVIDER=openai-compatible with Vertex's OpenAI endpoint and an access token"
            )
        return OpenAI(base_url=GEMINI_OPENAI_URL, api_key=settings.api_key)
    if provider == "bedrock":
        from openai.providers import bedrock

        return OpenAI(provider=bedrock(region=settings.region))
    if provider == "watsonx":
        raise ValueError(
            "watsonx.ai has no OpenAI-compatible endpoint this project can call directly: run an OpenAI-compatible "
            "gateway in front of it and set MODEL_PROVIDER=openai-compatible, OPENAI_BASE_URL and OPENAI_API_KEY"
        )
    raise ValueError(f"unknown MODEL_PROVIDER {provider!r}")
