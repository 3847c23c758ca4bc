/**
 * Keeps a scroll box at its end (the newest entries, the latest narration) while its content changes — unless the
 * reader scrolled away, then it stays put until they scroll back to the end.
 *
 * It never reads layout in the middle of an update: a ResizeObserver on the content reports its new size after the
 * browser's own layout of the frame, so scrolling there costs nothing extra. (Reading scrollWidth from an effect
 * forced a second full layout of the page on every diagram update.) Content that changes without changing size
 * needs no scrolling: a box at its end stays at its end.
 */
import type { Attachment } from 'svelte/attachments';

/** How close to the end (px) still counts as "at the end". */
const SLACK = 40;

export function stickToEnd(axis: 'x' | 'y'): Attachment<HTMLElement> {
  return (scroller) => {
    let stick = true;
    const atEnd = () =>
      axis === 'x'
        ? scroller.scrollLeft + scroller.clientWidth >= scroller.scrollWidth - SLACK
        : scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - SLACK;
    const onScroll = () => {
      stick = atEnd();
    };
    const observer = new ResizeObserver(() => {
      if (!stick) return;
      if (axis === 'x') scroller.scrollLeft = scroller.scrollWidth;
      else scroller.scrollTop = scroller.scrollHeight;
    });
    // The content: the list the box scrolls (its children are fixed; the list's items come and go).
    for (const child of scroller.children) observer.observe(child);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener('scroll', onScroll);
    };
  };
}
