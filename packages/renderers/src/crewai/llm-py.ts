// src/<pkg>/llm.py: the CrewAI `LLM` for whichever provider settings.py names.

export function llmPy(): string {
  return `"""The CrewAI model client for the provider named in settings.py (MODEL_PROVIDER)."""

from __future__ import annotations

from crewai import LLM

from . import events
from .settings import Settings

# The pip extra each provider's native client needs: pip install "crewai[<extra>]".
PROVIDER_EXTRAS = {
    "anthropic": "anthropic",
    "azure-openai": "azure-ai-inference",
    "bedrock": "bedrock",
    "vertex": "google-genai",
    "watsonx": "litellm",
}
BASE_URL_VARIABLES = {"ollama": "OLLAMA_BASE_URL", "ollabridge": "OLLABRIDGE_BASE_URL"}


def _require(value: str | None, variable: str) -> str:
    if not value:
        raise ValueError(f"{variable} is not set; see .env.example")
    return value


def _native(settings: Settings) -> LLM:
    options = {"temperature": settings.temperature, "stream": events.enabled()}
    if settings.provider == "anthropic":
        return LLM(model=settings.model_id, provider="anthropic", api_key=_require(settings.api_key, "ANTHROPIC_API_KEY"), **options)
    if settings.provider == "azure-openai":
        return LLM(
            model=settings.model_id,
            provider="azure",
            endpoint=_require(settings.base_url, "AZURE_OPENAI_ENDPOINT"),
            api_key=_require(settings.api_key, "AZURE_OPENAI_API_KEY"),
            api_version=settings.api_version,
            **options,
        )
    if settings.provider == "bedrock":
        return LLM(model=settings.model_id, provider="bedrock", region_name=settings.region, **options)
    if settings.provider == "vertex":
        # An API key selects the Gemini API; without one, Vertex AI with the project's credentials.
        return LLM(
            model=settings.model_id,
            provider="gemini",
            api_key=settings.api_key,
            project=settings.project,
            location=settings.location,
            use_vertexai=settings.api_key is None,
            **options,
        )
    if settings.provider == "watsonx":
        # No native CrewAI client: LiteLLM's watsonx route (crewai[litellm]).
        return LLM(
            model=f"watsonx/{settings.model_id}",
            api_base=_require(settings.base_url, "WATSONX_URL"),
            api_key=_require(settings.api_key, "WATSONX_APIKEY"),
            project_id=_require(settings.project, "WATSONX_PROJECT_ID"),
            **options,
        )
    raise ValueError(f"unknown MODEL_PROVIDER {settings.provider!r}")


def build_llm(settings: Settings) -> LLM:
    """The model the agents use. OpenAI, Ollama, OllaBridge and other OpenAI-compatible servers
    go through CrewAI's built-in OpenAI client with their base URL; the rest through CrewAI's
    native provider clients. Inside a run that records live events the model streams, so its text
    arrives as text-delta events."""
    if settings.is_openai_compatible:
        api_key = _require(settings.api_key, "OPENAI_API_KEY") if settings.provider == "openai" else settings.api_key or "not-needed"
        return LLM(
            model=settings.model_id,
            provider="openai",
            base_url=_require(settings.base_url, BASE_URL_VARIABLES.get(settings.provider, "OPENAI_BASE_URL")),
            api_key=api_key,
            temperature=settings.temperature,
            stream=events.enabled(),
        )
    try:
        return _native(settings)
    except ImportError as error:
        extra = PROVIDER_EXTRAS.get(settings.provider, settings.provider)
        raise ImportError(f'cannot create the {settings.provider} model client ({error}); its package comes with pip install "crewai[{extra}]"') from error
`;
}
