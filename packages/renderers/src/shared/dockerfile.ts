// Dockerfile and .dockerignore of a generated project: a multi-stage build into a non-root image.
import { commentText } from './escape';
import type { ProjectContext } from './python/project-context';

/** The build backend pyproject.toml names; the wheel stage installs it once instead of per build. */
const BUILD_BACKEND = '"hatchling>=1.24"';

// No `# syntax=` line: it makes BuildKit pull a frontend image, which fails offline and behind
// registry mirrors; everything below works with the frontend built into Docker, Podman and Buildah.
export function renderDockerfile(context: ProjectContext): string {
  const { packageName, spec } = context;
  return `# Image for ${commentText(spec.name)}. Build: docker build -t ${spec.slug} .
# Another base works if it is Debian-like with Python 3.10+ and its venv module:
#   docker build --build-arg BASE_IMAGE=my-registry/python:3.11 -t ${spec.slug} .
ARG BASE_IMAGE=python:3.11-slim

# Dependencies: a venv with what pyproject.toml asks for (the package itself is a stub here), so
# this layer stays cached until pyproject.toml changes.
FROM \${BASE_IMAGE} AS dependencies
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python3 -m venv /opt/venv
WORKDIR /build
COPY pyproject.toml ./
RUN mkdir -p src/${packageName} \\
    && touch README.md src/${packageName}/__init__.py \\
    && /opt/venv/bin/pip install . \\
    && /opt/venv/bin/pip uninstall --yes ${spec.slug}

# Wheel: the project's own code, built by a separate venv that never reaches the final image.
FROM \${BASE_IMAGE} AS wheel
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python3 -m venv /opt/build && /opt/build/bin/pip install ${BUILD_BACKEND}
WORKDIR /build
COPY pyproject.toml README.md ./
COPY src ./src
RUN /opt/build/bin/pip wheel --no-deps --no-build-isolation --wheel-dir /wheels .

# Final image: the base, the dependencies' venv and the wheel; no compilers, sources or secrets.
FROM \${BASE_IMAGE}
ENV PATH="/opt/venv/bin:$PATH" \\
    PYTHONUNBUFFERED=1 \\
    PYTHONDONTWRITEBYTECODE=1 \\
    WORKSPACE_DIR=/app/workspace
RUN useradd --uid 10001 --user-group --create-home --shell /usr/sbin/nologin agent \\
    && mkdir -p /app/workspace \\
    && chown -R 10001:10001 /app
COPY --from=dependencies /opt/venv /opt/venv
COPY --from=wheel /wheels /tmp/wheels
RUN pip install --no-cache-dir --no-deps --no-index /tmp/wheels/*.whl && rm -rf /tmp/wheels
WORKDIR /app/workspace
USER 10001:10001
# serve by default (GET /health, /v1/chat/completions, A2A, MCP); \`docker run IMAGE run "text"\` runs once.
# The health check probes port 8000, so change both if you pass another --port.
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \\
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"]
ENTRYPOINT ["python", "-m", "${packageName}"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
`;
}

export function renderDockerignore(): string {
  return ['.env', '.env.*', '**/.env', '**/.env.*', '!.env.example', '.venv', 'venv', '__pycache__', '*.py[cod]', '.git', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.coverage', 'htmlcov', 'dist', 'build', '*.egg-info', 'workspace/', ''].join('\n');
}
