/**
 * Scroll the nearest area that scrolls (and nothing else: the window itself stays put) so an element's top is at the
 * area's top; `onlyIfPast`: only when the element's top has been scrolled past.
 */
export function scrollToTopOf(element: HTMLElement, onlyIfPast = false): void {
  for (let area = element.parentElement; area; area = area.parentElement) {
    if (area.scrollHeight > area.clientHeight && /auto|scroll/.test(getComputedStyle(area).overflowY)) {
      const gap = element.getBoundingClientRect().top - area.getBoundingClientRect().top;
      if (!onlyIfPast || gap < 0) area.scrollTop += gap;
      return;
    }
  }
}
