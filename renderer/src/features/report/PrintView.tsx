import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { createPortal } from 'react-dom';
import type { ReportDocument } from '../../../../shared/report/document.js';
import { documentPieces, pieceCount, type FigureSvg } from '../../../../shared/report/html.js';
import { REPORT_CSS } from '../../../../shared/report/reportCss.js';
import { bridge } from '../../bridge/index.js';
import './printView.css';

/**
 * The document's stylesheet, the one the HTML file carries inline. The app's CSP refuses inline <style>, but not a
 * constructed stylesheet, so the same text styles both without a copy of it in a .css file.
 */
let reportSheet: CSSStyleSheet | null = null;
function documentSheet(): CSSStyleSheet {
  if (!reportSheet) {
    reportSheet = new CSSStyleSheet();
    reportSheet.replaceSync(REPORT_CSS);
  }
  return reportSheet;
}

/** About how many characters of a table's rows the browser lays out in a few milliseconds. */
const TABLE_ROWS_A_FRAME = 16_000;

interface Props {
  doc: ReportDocument;
  svgs: ReadonlyMap<string, FigureSvg>;
  onClose: () => void;
  onSavePdf: () => void;
}

/**
 * The review as it will print, over the whole app: the same markup as the HTML file (`documentBody`, whose every text
 * is escaped), so the PDF printed from here and the file hold the same document. While it is open the app behind it
 * is inert, and printing prints the document alone; closing it gives focus back to where it was.
 */
export function PrintView({ doc, svgs, onClose, onSavePdf }: Props) {
  const view = useRef<HTMLDivElement>(null);
  const article = useRef<HTMLElement>(null);
  const [shell, setShell] = useState<'desktop' | 'browser' | null>(null);
  // How many pieces are laid out: a long review is tens of thousands of elements, so its markup is made and laid out
  // a few pieces a frame, and the window never stops for all of it at once. It prints once every piece is in.
  const total = pieceCount(doc);
  const [laidOut, setLaidOut] = useState(0);

  useEffect(() => {
    const into = article.current;
    if (!into) return;
    into.replaceChildren();
    const pieces = documentPieces(doc, svgs);
    let done = 0;
    // The table whose rows are going in, and how many are in.
    let table: { body: HTMLTableSectionElement; rows: string[]; next: number } | null = null;
    let frame = 0;
    const addSome = () => {
      const started = performance.now();
      // As many pieces as fit in a few milliseconds; the browser lays them out before the next frame.
      while (done < total && performance.now() - started < 8) {
        if (table) {
          // A browser lays a table out whole each time it grows (content-visibility does not skip one), and the
          // chronology's 500 rows take it a fifth of a second: its rows go in a few thousand characters a frame.
          let rows = '';
          while (table.next < table.rows.length && rows.length < TABLE_ROWS_A_FRAME) rows += `${table.rows[table.next++]}\n`;
          table.body.insertAdjacentHTML('beforeend', rows);
          if (table.next === table.rows.length) {
            table = null;
            done++;
          }
          break;
        }
        const piece = pieces.next().value!;
        if (typeof piece === 'string') {
          into.insertAdjacentHTML('beforeend', piece);
          done++;
        } else {
          into.insertAdjacentHTML('beforeend', piece.head + piece.foot);
          table = { body: (into.lastElementChild as HTMLTableElement).tBodies[0]!, rows: piece.rows, next: 0 };
        }
      }
      setLaidOut(done);
      if (done < total) frame = requestAnimationFrame(addSome);
    };
    frame = requestAnimationFrame(addSome);
    return () => cancelAnimationFrame(frame);
  }, [doc, svgs, total]);
  const ready = laidOut >= total;

  useEffect(() => {
    void bridge.getAppInfo({}).then((info) => setShell(info.shell));
  }, []);

  useLayoutEffect(() => {
    const sheet = documentSheet();
    const root = document.getElementById('root');
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const title = document.title;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.documentElement.classList.add('printing-report');
    root?.setAttribute('inert', '');
    // The browser names a PDF saved from its print dialog after the page's title.
    document.title = doc.title;
    view.current?.focus();
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      document.documentElement.classList.remove('printing-report');
      root?.removeAttribute('inert');
      document.title = title;
      opener?.focus();
    };
  }, [doc.title]);

  // The contents' links lead to headings in this view: followed here, as the app's own routes live in the URL's #.
  const followLink = (event: MouseEvent<HTMLDivElement>) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    const target = view.current?.querySelector<HTMLElement>(`#${CSS.escape(link.getAttribute('href')!.slice(1))}`);
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onClose();
  };

  return createPortal(
    <div className="print-view" ref={view} tabIndex={-1} role="dialog" aria-modal="true" aria-label={`Print view: ${doc.title}`} onKeyDown={onKeyDown}>
      <div className="print-view__toolbar">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Back
        </button>
        <button type="button" className="button" onClick={onSavePdf} disabled={!ready}>
          Save as PDF
        </button>
        <p className="print-view__hint" aria-live="polite">
          {!ready
            ? `Laying out the document: ${Math.round((laidOut / total) * 100)}%`
            : shell === 'browser'
              ? 'Your browser’s print dialog opens: choose “Save as PDF” as the printer.'
              : ''}
        </p>
      </div>
      <div onClick={followLink}>
        <article className="report" lang="en-GB" ref={article} />
      </div>
    </div>,
    document.body,
  );
}
