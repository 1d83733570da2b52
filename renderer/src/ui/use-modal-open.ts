import { useSyncExternalStore } from 'react';

/**
 * True while any modal <dialog> is open anywhere in the page. The embedded room viewer is a native
 * view drawn above the page, so it must step aside for every dialog, including ones it knows
 * nothing about (shortcuts help, confirmations).
 */
export function useModalOpen(): boolean {
  return useSyncExternalStore(subscribe, anyDialogOpen, () => false);
}

function anyDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open'] });
  return () => observer.disconnect();
}
