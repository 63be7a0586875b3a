"""Builds the LangChain chat model from the settings (MODEL_PROVIDER, MODEL_ID, … in settings.py)."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from supervisor.settings import Settings


def build_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model for settings.provider; OpenAI-compatible servers all go through ChatOpenAI."""
    if settings.provider == "ollama":
        from langchain_ollama import ChatOllama

        # ChatOllama speaks Ollama's native API at the server root, without the /v1 suffix.
        root = (settings.base_url or "http://127.0.0.1:11434").removesuffix("/").removesuffix("/v1")
        return ChatOllama(model=settings.model_id, base_url=root, temperature=settings.temperature)
    if settings.is_openai_compatible:
        return openai_compatible_model(settings)
    raise ValueError(
        f"MODEL_PROVIDER={settings.provider!r} is not set up in this project; it supports openai, openai-compatible, ollama, ollabridge"
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
