// The Test page's send and stop, reachable by commands (⌘↵, ⌘.) while the page is on screen.
export interface ChatActions {
  readonly send: () => void;
  readonly stop: () => void;
}

let current: ChatActions | undefined;

export const chatActions = {
  /** The page registers its actions while mounted; the returned function unregisters them. */
  register(actions: ChatActions): () => void {
    current = actions;
    return () => {
      if (current === actions) current = undefined;
    };
  },
  send: () => current?.send(),
  stop: () => current?.stop(),
};
