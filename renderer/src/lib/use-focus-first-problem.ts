import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * After a submit fails, moves focus from the button to what needs the agent: the first invalid
 * field (`aria-invalid="true"`), else the first alert in the form (an error panel). Call the
 * returned function when the submit fails; focus moves once the errors are on screen.
 */
export function useFocusFirstProblem(container: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  const handled = useRef(0);

  useEffect(() => {
    if (request === handled.current) return;
    handled.current = request;
    const root = container.current;
    if (!root) return;
    const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
      return;
    }
    const alert = root.querySelector<HTMLElement>('[role="alert"]');
    if (alert) {
      if (!alert.hasAttribute('tabindex')) alert.setAttribute('tabindex', '-1');
      alert.focus();
    }
  }, [request, container]);

  return useCallback(() => setRequest((n) => n + 1), []);
}
