// Saves text as a file through a temporary link (trace JSON, conversation Markdown).
export function downloadText(options: { readonly name: string; readonly text: string; readonly type: string }): void {
  const url = URL.createObjectURL(new Blob([options.text], { type: options.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = options.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
