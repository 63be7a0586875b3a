"""The web_search tool for watsonx Orchestrate: the shared implementation under the ADK's tool decorator.

Import with: orchestrate tools import -k python -f tools/web_search.py -r requirements.txt -p tools
"""

from ibm_watsonx_orchestrate.agent_builder.tools import ToolPermission, tool

from marketing_supervisor_agent.tools.web_search import web_search as implementation

# The ADK reads the name, input schema and description from the implementation's signature and docstring.
web_search = tool(implementation, name="web_search", permission=ToolPermission.READ_ONLY)
