// The web app's main components with the versions and licenses the build resolved (injected by vite.config.ts).
export interface Component {
  readonly name: string;
  readonly version: string;
  readonly license: string;
}

declare const __AG_COMPONENTS__: ReadonlyArray<Component>;

export const components: ReadonlyArray<Component> = typeof __AG_COMPONENTS__ === 'undefined' ? [] : __AG_COMPONENTS__;
