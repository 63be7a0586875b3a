// Dockerfile and .dockerignore of a generated project: a multi-stage build into a non-root image.
import { commentText } from './escape';
import type { ProjectContext } from './python/project-context';

export function renderDockerfile(context: ProjectContext): string {
  const { packageName, spec } = context;
  return `# syntax=docker/dockerfile:1
# Image for ${commentText(spec.name)}. Build: docker build -t ${spec.slug} .
# Pick another base (same Python major version) with --build-arg BASE_IMAGE=...
ARG BASE_IMAGE=python:3.11-slim

FROM \${BASE_IMAGE} AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /build
COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install .

FROM \${BASE_IMAGE}
ENV PATH="/opt/venv/bin:$PATH" \\
    PYTHONUNBUFFERED=1 \\
    PYTHONDONTWRITEBYTECODE=1 \\
    WORKSPACE_DIR=/app/workspace
RUN useradd --uid 10001 --create-home --shell /usr/sbin/nologin agent \\
    && mkdir -p /app/workspace \\
    && chown agent /app/workspace
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
COPY src ./src
USER 10001
HEALTHCHECK --interval=30s --timeout=10s --retries=3 CMD ["python", "-c", "import ${packageName}"]
ENTRYPOINT ["python", "-m", "${packageName}"]
CMD ["run"]
`;
}

export function renderDockerignore(): string {
  return ['.env', '.env.*', '!.env.example', '.venv', 'venv', '__pycache__', '*.py[cod]', '.git', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.coverage', 'htmlcov', 'dist', 'build', '*.egg-info', 'workspace/', ''].join('\n');
}
