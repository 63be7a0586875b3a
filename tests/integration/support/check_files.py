"""Parses generated files the way their consumers will and looks for injected code.

Reads one JSON request per line on stdin: {"files": [{"path", "content"}], "canary": str}.
Writes one JSON line per request: {"errors": [str]}. A canary is a token planted in user text;
it may appear inside string values, never as a Python name, import, key or statement.
"""
import ast
import json
import sys
import tomllib

import yaml


def python_errors(path, content, canary):
    try:
        tree = ast.parse(content, filename=path)
    except SyntaxError as error:
        return [f"{path}:{error.lineno}: {error.msg}"]
    errors = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.extend(alias.name for alias in node.names)
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
        elif isinstance(node, ast.keyword) and node.arg:
            names.append(node.arg)
        if canary and any(canary in name for name in names):
            errors.append(f"{path}:{getattr(node, 'lineno', '?')}: user text became code ({type(node).__name__})")
    return errors


def keys_of(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield str(key)
            yield from keys_of(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_of(inner)


def data_errors(path, data, canary):
    if canary and any(canary in key for key in keys_of(data)):
        return [f"{path}: user text became a key"]
    return []


def check(path, content, canary):
    try:
        if path.endswith(".py"):
            return python_errors(path, content, canary)
        if path.endswith((".yaml", ".yml")):
            errors = []
            for document in yaml.safe_load_all(content):
                errors += data_errors(path, document, canary)
            return errors
        if path.endswith(".toml"):
            return data_errors(path, tomllib.loads(content), canary)
        if path.endswith(".json"):
            return data_errors(path, json.loads(content), canary)
    except Exception as error:  # any parser failure is a finding
        return [f"{path}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"]
    return []


def main():
    for line in sys.stdin:
        request = json.loads(line)
        errors = []
        for file in request["files"]:
            errors += check(file["path"], file["content"], request.get("canary", ""))
        sys.stdout.write(json.dumps({"errors": errors}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
