import { lazy, type ComponentType, type FunctionComponent } from 'react';

/** A view's component, loaded on first use, that can also be loaded ahead of time. */
export type ViewComponent = FunctionComponent & {
  /** Start loading the view's code; resolves once it can render without suspending. */
  preload(): Promise<unknown>;
};

/**
 * Like React.lazy, but once the code has been loaded (by `preload`, e.g. at start-up in parallel with
 * the first API call) the view renders at once: no Suspense fallback, and no wait for React's
 * minimum fallback duration before the content appears.
 */
export function viewComponent(load: () => Promise<{ default: ComponentType }>): ViewComponent {
  let loaded: ComponentType | undefined;
  let pending: Promise<unknown> | undefined;
  const preload = () =>
    (pending ??= load().then((module) => {
      loaded = module.default;
    }));
  const Lazy = lazy(() => load().then((module) => ((loaded = module.default), module)));
  const View: FunctionComponent = () => {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  };
  return Object.assign(View, { preload });
}
