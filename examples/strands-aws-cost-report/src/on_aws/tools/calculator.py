"""The calculator tool: arithmetic without code execution."""

from __future__ import annotations

import ast
import math
import operator
from typing import Any

MAX_EXPRESSION_LENGTH = 500
MAX_RESULT_BITS = 100_000

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_FUNCTIONS = {
    "abs": abs, "round": round, "min": min, "max": max,
    "sqrt": math.sqrt, "exp": math.exp, "log": math.log, "log10": math.log10, "log2": math.log2,
    "sin": math.sin, "cos": math.cos, "tan": math.tan, "floor": math.floor, "ceil": math.ceil,
}
_CONSTANTS = {"pi": math.pi, "e": math.e, "tau": math.tau}


class CalculatorError(ValueError):
    pass


def _power(base: Any, exponent: Any) -> Any:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1:
        if abs(base).bit_length() * exponent > MAX_RESULT_BITS:
            raise CalculatorError("the result would be too large")
    if abs(exponent) > 10_000:
        raise CalculatorError("the exponent is too large")
    return operator.pow(base, exponent)


def _evaluate(node: ast.AST) -> Any:
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _evaluate(node.left), _evaluate(node.right)
        if isinstance(node.op, ast.Pow):
            return _power(left, right)
        result = _BINARY[type(node.op)](left, right)
        if isinstance(result, int) and result.bit_length() > MAX_RESULT_BITS:
            raise CalculatorError("the result would be too large")
        return result
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_evaluate(node.operand))
    if isinstance(node, ast.Name) and node.id in _CONSTANTS:
        return _CONSTANTS[node.id]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS and not node.keywords:
        return _FUNCTIONS[node.func.id](*(_evaluate(argument) for argument in node.args))
    raise CalculatorError(f"unsupported element {type(node).__name__}; use numbers, + - * / // % **, parentheses and {', '.join(sorted(_FUNCTIONS))}")


def _format(value: Any) -> str:
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".12g")
    return str(value)


def calculator(expression: str) -> str:
    """Evaluates arithmetic expressions safely (no code execution).

    Args:
        expression: An arithmetic expression such as "(3 + 4) * 2 / 7" or "sqrt(16) + 2**3".
    """
    try:
        text = str(expression).strip().replace("^", "**")
        if not text:
            return "error: the expression is empty"
        if len(text) > MAX_EXPRESSION_LENGTH:
            return f"error: the expression is longer than {MAX_EXPRESSION_LENGTH} characters"
        return _format(_evaluate(ast.parse(text, mode="eval")))
    except ZeroDivisionError:
        return "error: division by zero"
    except SyntaxError:
        return f"error: {str(expression)[:100]!r} is not a valid arithmetic expression"
    except Exception as error:  # the tool reports every failure to the model instead of raising
        return f"error: {error}"
