'use client';
// Whether React runs this component in the browser yet. A button that only works through JavaScript (a server
// action called from a click handler, a form submitted by its onSubmit) is in the server's HTML before the page's
// scripts have loaded, and a click then does nothing (or submits the form as a plain GET with its fields in the
// address). Such buttons are disabled until hydrated: `disabled={isPending || !hydrated}`.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False in the server's HTML and during hydration, true once the component runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
