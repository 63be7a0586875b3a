"""The calculator tool for watsonx Orchestrate: the shared implementation under the ADK's tool decorator.

Import with: orchestrate tools import -k python -f tools/calculator.py -r requirements.txt -p tools
"""

from ibm_watsonx_orchestrate.agent_builder.tools import ToolPermission, tool

from paper_digest.tools.calculator import calculator as implementation

# The ADK reads the name, input schema and description from the implementation's signature and docstring.
calculator = tool(implementation, name="calculator", permission=ToolPermission.READ_ONLY)
