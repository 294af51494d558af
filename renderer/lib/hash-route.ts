import { useSyncExternalStore } from 'react';

/** The current `#/path` route; hash routing works the same under app:// and http://127.0.0.1. */
function read(): string {
  const hash = window.location.hash;
  return hash.startsWith('#/') ? hash.slice(1) : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, read);
}

export function navigate(path: string): void {
  window.location.hash = path;
}
