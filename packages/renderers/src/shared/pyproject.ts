// pyproject.toml of a generated project: PEP 621 metadata, hatchling build, pytest settings.
import { tomlString } from './escape';
import type { ProjectContext } from './python/project-context';
import { toolDependencies } from './tool-dependencies';

function tomlList(values: ReadonlyArray<string>): string {
  return values.length === 0 ? '[]' : `[\n${values.map((value) => `  ${tomlString(value)},`).join('\n')}\n]`;
}

export function renderPyproject(context: ProjectContext, dependencies: ReadonlyArray<string>): string {
  const { spec, packageName } = context;
  const all = [...new Set([...dependencies, ...toolDependencies(context.tools)])];
  return `[build-system]
requires = ["hatchling>=1.24"]
build-backend = "hatchling.build"

[project]
name = ${tomlString(spec.slug)}
version = "0.1.0"
description = ${tomlString(spec.name)}
readme = "README.md"
requires-python = ">=3.10"
dependencies = ${tomlList(all)}

[project.optional-dependencies]
test = ["pytest>=8,<9"]

[project.scripts]
${spec.slug} = ${tomlString(`${packageName}.__main__:main`)}

[tool.hatch.build.targets.wheel]
packages = [${tomlString(`src/${packageName}`)}]

[tool.pytest.ini_options]
pythonpath = ["src"]
testpaths = ["tests"]
`;
}
