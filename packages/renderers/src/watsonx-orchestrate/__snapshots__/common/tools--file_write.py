"""The file_write tool for watsonx Orchestrate: the shared implementation under the ADK's tool decorator.

Import with: orchestrate tools import -k python -f tools/file_write.py -r requirements.txt -p tools
"""

from ibm_watsonx_orchestrate.agent_builder.tools import ToolPermission, tool

from paper_digest.tools.file_write import file_write as implementation

# The ADK reads the name, input schema and description from the implementation's signature and docstring.
file_write = tool(implementation, name="file_write", permission=ToolPermission.READ_WRITE)
