import { Component, useCallback, useState, type ErrorInfo, type ReactNode } from 'react';
import { isDamage } from '../../store/sealing.js';
import { href, type Route } from './useHashRoute.js';
import { usePageTitle } from './usePageTitle.js';
import { BareShell } from './BareShell.js';

interface BoundaryProps {
  /** Showing something else (another route) clears the error: the next page is given its chance. */
  resetKey: string;
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

/** Catches what a page throws as it renders, so a damaged value ends in a plain screen, not a blank window or "Loading…". */
export class ErrorBoundary extends Component<BoundaryProps, { key: string; error: unknown; failed: boolean }> {
  override state = { key: this.props.resetKey, error: undefined as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { key: string }) {
    return props.resetKey === state.key ? null : { key: props.resetKey, error: undefined, failed: false };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * Hands an error from async work (a promise, not a render) to the nearest boundary: React rethrows it as it renders.
 * For readers of the store that would otherwise stay "loading" for ever when a value cannot be read.
 */
export function useThrowToBoundary(): (error: unknown) => void {
  const [, setState] = useState<never>();
  return useCallback((error: unknown) => setState(() => { throw error; }), []);
}

const caseOf = (route: Route) => ('caseId' in route ? route.caseId : null);

/** The screen a page that failed is replaced by: what happened, and what to do, in the GOV.UK way. */
export function PageProblem({ error, route }: { error: unknown; route: Route }) {
  const damaged = isDamage(error);
  const inCase = caseOf(route) !== null;
  const title = damaged ? (inCase ? 'This case cannot be read' : 'This page cannot be shown') : 'Sorry, there is a problem with this page';
  usePageTitle(title);
  return (
    <div className="page page--narrow">
      <h1 className="heading-l">{title}</h1>
      {damaged ? (
        <p>{inCase ? 'A stored value of this case cannot be read' : 'A value Foresight stored cannot be read'}: it has been damaged or changed outside Foresight.</p>
      ) : (
        <p>Foresight could not show this page ({error instanceof Error ? error.message : String(error)}).</p>
      )}
      <p>Nothing has been changed by this.</p>
      <h2 className="heading-m">What you can do</h2>
      <ul>
        {damaged && <li><a href={href.backups()}>{inCase ? 'Restore a backup of the case' : 'Restore a backup'}</a>: each case keeps backups, made after each import and once a day.</li>}
        <li><a href={href.cases()}>{inCase ? 'Open another case' : 'Go to the list of cases'}</a></li>
        <li>If this keeps happening, ask your IT service desk for help.</li>
      </ul>
    </div>
  );
}

/** The last resort, around the whole app: it says so plainly and offers a fresh start. */
export function AppProblem({ error }: { error: unknown }) {
  usePageTitle('Sorry, there is a problem with Foresight');
  return (
    <BareShell>
      <div className="page page--narrow">
        <h1 className="heading-l">Sorry, there is a problem with Foresight</h1>
        <p>{isDamage(error) ? 'A value Foresight stored cannot be read: it has been damaged or changed outside Foresight.' : `Foresight stopped working (${error instanceof Error ? error.message : String(error)}).`}</p>
        <p>Nothing has been changed by this. The cases stay encrypted on this computer.</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>Open Foresight again</button>
      </div>
    </BareShell>
  );
}
