"""Model settings read from the environment (and from a .env file in the working directory)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PROVIDER = "bedrock"
DEFAULT_MODEL_ID = "us.anthropic.claude-sonnet-4-5-20250929-v1:0"
OPENAI_COMPATIBLE = ("openai", "openai-compatible", "ollama", "ollabridge")


@dataclass(frozen=True)
class Settings:
    """Everything the agents need to reach their model."""

    provider: str
    model_id: str
    temperature: float
    max_steps: int
    base_url: str | None
    api_key: str | None
    api_version: str | None
    project: str | None
    location: str | None
    region: str | None
    is_openai_compatible: bool


def load_dotenv(path: str | Path = ".env") -> None:
    """Loads KEY=VALUE lines from a .env file without overriding variables already set."""
    file = Path(path)
    if not file.is_file():
        return
    for raw in file.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        os.environ.setdefault(key.strip(), value)


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def _number(name: str, default: float) -> float:
    raw = _env(name)
    if raw is None:
        return default
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None


def _endpoint(provider: str) -> dict[str, str | None]:
    if provider == "openai":
        return {"base_url": _env("OPENAI_BASE_URL", "https://api.openai.com/v1"), "api_key": _env("OPENAI_API_KEY")}
    if provider == "openai-compatible":
        return {"base_url": _env("OPENAI_BASE_URL"), "api_key": _env("OPENAI_API_KEY", "not-needed")}
    if provider == "ollama":
        root = (_env("OLLAMA_BASE_URL", "http://127.0.0.1:11434") or "").rstrip("/")
        return {"base_url": root if root.endswith("/v1") else root + "/v1", "api_key": "ollama"}
    if provider == "ollabridge":
        return {"base_url": _env("OLLABRIDGE_BASE_URL", "http://127.0.0.1:11435/v1"), "api_key": _env("OLLABRIDGE_API_KEY")}
    if provider == "azure-openai":
        return {
            "base_url": _env("AZURE_OPENAI_ENDPOINT"),
            "api_key": _env("AZURE_OPENAI_API_KEY"),
            "api_version": _env("AZURE_OPENAI_API_VERSION", "2024-10-21"),
        }
    if provider == "anthropic":
        return {"api_key": _env("ANTHROPIC_API_KEY")}
    if provider == "bedrock":
        return {"region": _env("AWS_REGION", "us-east-1")}
    if provider == "vertex":
        return {
            "api_key": _env("GOOGLE_API_KEY"),
            "project": _env("GOOGLE_CLOUD_PROJECT"),
            "location": _env("GOOGLE_CLOUD_LOCATION", "us-central1"),
        }
    if provider == "watsonx":
        return {"base_url": _env("WATSONX_URL"), "api_key": _env("WATSONX_APIKEY"), "project": _env("WATSONX_PROJECT_ID")}
    raise ValueError(f"unknown MODEL_PROVIDER {provider!r}")


def load_settings() -> Settings:
    """Reads the settings; raises ValueError naming the variable when one is invalid."""
    load_dotenv()
    provider = _env("MODEL_PROVIDER", DEFAULT_PROVIDER) or DEFAULT_PROVIDER
    endpoint = _endpoint(provider)
    max_steps = int(_number("AGENT_MAX_STEPS", 12))
    if max_steps < 1:
        raise ValueError("AGENT_MAX_STEPS must be at least 1")
    return Settings(
        provider=provider,
        model_id=_env("MODEL_ID", DEFAULT_MODEL_ID) or DEFAULT_MODEL_ID,
        temperature=_number("MODEL_TEMPERATURE", 0.2),
        max_steps=max_steps,
        base_url=endpoint.get("base_url"),
        api_key=endpoint.get("api_key"),
        api_version=endpoint.get("api_version"),
        project=endpoint.get("project"),
        location=endpoint.get("location"),
        region=endpoint.get("region"),
        is_openai_compatible=provider in OPENAI_COMPATIBLE,
    )
