"""The LlamaIndex chat model for the configured provider (settings.py reads it from the environment)."""

from __future__ import annotations

from llama_index.core.llms.function_calling import FunctionCallingLLM
from llama_index.llms.ollama import Ollama
from llama_index.llms.openai_like import OpenAILike

from .settings import Settings

SPEC_PROVIDER = "ollama"
CONTEXT_WINDOW = 32768
TIMEOUT_SECONDS = 120.0


def build_llm(settings: Settings) -> FunctionCallingLLM:
    """The model every agent uses; OpenAI-compatible servers go through OpenAILike with tool calling on."""
    if settings.provider == "ollama":
        return Ollama(
            model=settings.model_id,
            base_url=(settings.base_url or "http://127.0.0.1:11434").removesuffix("/v1"),
            temperature=settings.temperature,
            request_timeout=TIMEOUT_SECONDS,
            context_window=CONTEXT_WINDOW,
            is_function_calling_model=True,
        )
    if settings.is_openai_compatible:
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
