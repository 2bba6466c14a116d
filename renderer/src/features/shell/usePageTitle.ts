import { useEffect } from 'react';

const SERVICE = 'Foresight';

// The window has one title: the page shown sets it, and any error summary on that page marks it.
let page = SERVICE;
let errorSummaries = 0;
const show = () => {
  document.title = errorSummaries > 0 ? `Error: ${page}` : page;
};

/** A window title from the page's name outwards, e.g. ['Edit case details', 'SFO review'] → "Edit case details – SFO review – Foresight". */
export function pageTitle(parts: readonly (string | null | undefined)[]): string {
  const named = parts.filter((p): p is string => !!p);
  // A page whose own name says the service's ("Unlock Foresight") is not followed by it again.
  if (named[0]?.includes(SERVICE)) return named.join(' – ');
  return [...named, SERVICE].join(' – ');
}

/** Title the window for the page shown: its name first, then what it belongs to (a part still loading is left out). */
export function usePageTitle(...parts: (string | null | undefined)[]): void {
  const title = pageTitle(parts);
  useEffect(() => {
    page = title;
    show();
    return () => {
      page = SERVICE;
      show();
    };
  }, [title]);
}

/** While an error summary is shown the title starts "Error: ", as on GOV.UK, so a screen reader hears it first. */
export function useErrorTitle(shown: boolean): void {
  useEffect(() => {
    if (!shown) return;
    errorSummaries++;
    show();
    return () => {
      errorSummaries--;
      show();
    };
  }, [shown]);
}
