/**
 * Runs a Plan on the DOM: measures each animation's start (the subject where it was, else its `from` anchor) before
 * the view changes and its landing (the subject where it is now, else its `to` anchor) after, then flies a labelled
 * copy between them in an overlay. Every animation is recorded with both rectangles so tests can check that it
 * started and ended in the right place. Reduced motion: nothing moves; the landing spot glows briefly instead.
 *
 * Copies fly only inside the part of the streams area that is on screen: the overlay is clipped to it, and a flight
 * whose start and landing are both scrolled out of sight is not flown at all (it would only cross the bar, the
 * inspect line or the event log). It is still recorded.
 */
import type { Animation, Plan } from './model.ts';
import type { Animator, Speed } from './diagram.svelte.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface RecordedAnimation extends Animation {
  /** Where the flying copy started / landed (page coordinates). null: that place was not drawn. */
  start: Rect | null;
  land: Rect | null;
  /** The `from` anchor's rectangle before the update, and the `to` anchor's after. */
  fromRect: Rect | null;
  toRect: Rect | null;
  startedAt: number;
  /** performance.now() when it finished; null while in flight. */
  endedAt: number | null;
}

const RECORD_KEPT = 2000;
/** Base flight time at speed 1; copies in one batch start a little apart. */
const FLIGHT_MS = 650;
const STAGGER_MS = 70;
const MAX_STAGGER_MS = 1200;

const rectOf = (el: Element | undefined): Rect | null => {
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height };
};

export class DomAnimator implements Animator {
  readonly recorded: RecordedAnimation[] = [];
  private pending: { rec: RecordedAnimation; oldTo: Rect | null }[] = [];
  /** Flights and glows in progress. */
  private readonly running = new Set<ReturnType<Element['animate']>>();

  /** How many flights and glows are in progress (tests wait for the diagram to settle). */
  get inFlight(): number {
    return this.running.size;
  }

  constructor(
    private readonly root: HTMLElement,
    private readonly overlay: HTMLElement,
    /** The scrolling area that holds everything a flight starts or lands on. */
    private readonly viewport: HTMLElement,
  ) {}

  private anchors(): Map<string, Element> {
    const m = new Map<string, Element>();
    for (const el of this.root.querySelectorAll('[data-anchor]')) {
      const a = el.getAttribute('data-anchor');
      if (a !== null && !m.has(a)) m.set(a, el);
    }
    return m;
  }

  before(p: Plan): void {
    const m = this.anchors();
    const now = performance.now();
    this.pending = p.animations.map((a) => ({
      rec: {
        ...a,
        start: rectOf(m.get(a.subject)) ?? rectOf(m.get(a.from)),
        fromRect: rectOf(m.get(a.from)),
        land: null,
        toRect: null,
        startedAt: now,
        endedAt: null,
      },
      oldTo: rectOf(m.get(a.to)),
    }));
  }

  after(_p: Plan, speed: Speed, reducedMotion: boolean): void {
    const m = this.anchors();
    const batch = this.pending;
    this.pending = [];
    const base = this.overlay.getBoundingClientRect();
    const view = this.viewport.getBoundingClientRect();
    this.overlay.style.clipPath = `inset(${view.top - base.top}px ${base.right - view.right}px ${base.bottom - view.bottom}px ${view.left - base.left}px)`;
    const onScreen = (r: Rect) => r.x < view.right && r.x + r.w > view.left && r.y < view.bottom && r.y + r.h > view.top;
    const stagger = batch.length > 1 ? Math.min(STAGGER_MS, MAX_STAGGER_MS / batch.length) : 0;
    batch.forEach(({ rec, oldTo }, i) => {
      // Places that only exist after the update (a new entry, a new lane) are measured now; places that are gone
      // now (a woken client's badge) keep where they were.
      rec.fromRect ??= rectOf(m.get(rec.from));
      rec.start ??= rec.fromRect;
      const subjectNow = m.get(rec.subject);
      const toEl = m.get(rec.to);
      rec.toRect = rectOf(toEl) ?? oldTo;
      // A subject that still exists inside its destination lands where it is drawn; otherwise in the zone itself.
      rec.land = subjectNow && toEl && (toEl === subjectNow || toEl.contains(subjectNow)) ? rectOf(subjectNow) : rec.toRect;
      this.record(rec);
      if (speed === 0 || !rec.start || !rec.land || (!onScreen(rec.start) && !onScreen(rec.land))) {
        rec.endedAt = performance.now();
        return;
      }
      if (reducedMotion) this.glow(toEl ?? subjectNow, rec, FLIGHT_MS / speed);
      else this.fly(rec, rec.start, rec.land, base, (FLIGHT_MS / speed) | 0, (i * stagger) / speed);
    });
  }

  /** Stop everything still flying (a stream of batches began: what flies has moved on already). */
  cancel(): void {
    for (const a of [...this.running]) a.cancel();
  }

  private record(rec: RecordedAnimation): void {
    this.recorded.push(rec);
    if (this.recorded.length > RECORD_KEPT) this.recorded.splice(0, this.recorded.length - RECORD_KEPT);
  }

  private fly(rec: RecordedAnimation, from: Rect, to: Rect, base: DOMRect, ms: number, delay: number): void {
    const el = document.createElement('div');
    el.className = `fly fly-${rec.kind}`;
    el.textContent = rec.label;
    el.setAttribute('aria-hidden', 'true');
    el.style.left = `${from.x - base.left}px`;
    el.style.top = `${from.y - base.top}px`;
    el.style.minWidth = `${Math.max(24, Math.min(from.w, 140))}px`;
    this.overlay.appendChild(el);
    const dx = to.x - from.x + (to.w - Math.min(from.w, to.w)) / 2;
    const dy = to.y - from.y + (to.h - Math.min(from.h, to.h)) / 2;
    const still = rec.kind === 'pulse' || rec.kind === 'timeout' || rec.kind === 'tombstone';
    const frames: Keyframe[] = still
      ? [{ transform: 'scale(1)', opacity: 1 }, { transform: 'scale(1.35)', opacity: 0.9 }, { transform: 'scale(1)', opacity: 0 }]
      : rec.kind === 'trim' || rec.kind === 'drop'
        ? [{ transform: 'translate(0,0)', opacity: 1 }, { transform: `translate(${dx}px, ${dy}px) scale(0.6)`, opacity: 0 }]
        : [{ transform: 'translate(0,0)', opacity: 0.95 }, { transform: `translate(${dx}px, ${dy}px)`, opacity: 0.95 }];
    const anim = el.animate(frames, { duration: ms, delay, easing: 'cubic-bezier(.3,.7,.3,1)', fill: 'both' });
    this.running.add(anim);
    const done = () => {
      el.remove();
      rec.endedAt = performance.now();
      this.running.delete(anim);
    };
    anim.onfinish = done;
    anim.oncancel = done;
  }

  private glow(el: Element | undefined, rec: RecordedAnimation, ms: number): void {
    if (!(el instanceof HTMLElement)) {
      rec.endedAt = performance.now();
      return;
    }
    const anim = el.animate([{ boxShadow: '0 0 0 3px var(--focus)' }, { boxShadow: '0 0 0 0 transparent' }], { duration: ms });
    this.running.add(anim);
    const done = () => {
      rec.endedAt = performance.now();
      this.running.delete(anim);
    };
    anim.onfinish = done;
    anim.oncancel = done;
  }
}
