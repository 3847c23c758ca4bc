/** Steps for the diagram's e2e tests: type a command, wait until the diagram drew it, read the diagram's state. */
import { expect, type Page } from '@playwright/test';
import type { ViewState } from '../engine/view.ts';
import type { RecordedAnimation } from '../web/diagram/animate.ts';
import { openApp, run } from './helpers.ts';

export const drawn = (page: Page) => page.evaluate(() => window.__diagram?.drawn() ?? 0);

/** Type a command into the console and wait until the console is idle and the diagram has drawn the outcome. */
export async function cmd(page: Page, line: string, consoleName = 'producer', opts: { blocks?: boolean; timeout?: number } = {}): Promise<void> {
  const before = await drawn(page);
  await run(page, line);
  if (!opts.blocks) {
    await expect
      .poll(() => page.evaluate((n) => window.__playground?.consoles().find((c) => c.name === n)?.state, consoleName), { timeout: opts.timeout })
      .toBe('idle');
  }
  await expect.poll(() => drawn(page), { timeout: opts.timeout }).toBeGreaterThan(before);
  await settle(page);
}

/** Wait until no animation is in flight. */
export async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__diagram?.inFlight() ?? 0)).toBe(0);
}

export async function view(page: Page): Promise<ViewState> {
  const v = await page.evaluate(() => window.__diagram?.view() ?? null);
  if (!v) throw new Error('the diagram has no view yet');
  return v;
}

/** `alice: 1-0×1 2-0×1` per consumer of the group, for compact state checks. */
export async function lanes(page: Page, key: string, group: string): Promise<string[]> {
  const v = await view(page);
  const g = v.streams.find((s) => s.key === key)?.groups.find((x) => x.name === group);
  return (g?.consumers ?? []).map((c) => `${c.name}: ${c.tokens.map((t) => `${t.id}×${t.count}${t.ghost ? ' ghost' : ''}`).join(' ')}`.trim());
}

/** The lanes as drawn: each lane's token chips read from the DOM. */
export async function drawnLanes(page: Page, group: string): Promise<string[]> {
  return page.evaluate((g) => {
    const out: string[] = [];
    for (const lane of document.querySelectorAll(`[data-group="${g}"] .lane[data-consumer]`)) {
      const tokens = [...lane.querySelectorAll('.token')].map(
        (t) => `${t.getAttribute('data-id')}×${t.getAttribute('data-count')}${t.classList.contains('ghost') ? ' ghost' : ''}`,
      );
      out.push(`${lane.getAttribute('data-consumer')}: ${tokens.join(' ')}`.trim());
    }
    return out;
  }, group);
}

/** The entry (or `head`) after which the group's cursor is drawn. */
export async function cursorAt(page: Page, group: string): Promise<string> {
  return page.evaluate((g) => {
    const c = document.querySelector(`[data-cursor="${g}"]`);
    const entry = c?.closest('.entry');
    return entry?.getAttribute('data-id') ?? (c?.closest('.outlet') ? 'head' : 'missing');
  }, group);
}

export async function animations(page: Page): Promise<RecordedAnimation[]> {
  return page.evaluate(() => window.__diagram?.animations() ?? []);
}

export async function clearAnimations(page: Page): Promise<void> {
  await page.evaluate(() => window.__diagram?.clearAnimations());
}

type R = { x: number; y: number; w: number; h: number };
/** `inner` lies within `outer` (a pixel of slack for borders). */
export const inside = (inner: R | null, outer: R | null): boolean =>
  !!inner && !!outer && inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.w <= outer.x + outer.w + 1 && inner.y + inner.h <= outer.y + outer.h + 1;

/** Every recorded animation of `kind`; fails when there is none. */
export async function ofKind(page: Page, kind: RecordedAnimation['kind']): Promise<RecordedAnimation[]> {
  const list = (await animations(page)).filter((a) => a.kind === kind);
  expect(list.length, `a ${kind} animation was recorded`).toBeGreaterThan(0);
  return list;
}

/** It started inside its `from` place and landed inside its `to` place. */
export function expectPlaced(a: RecordedAnimation): void {
  expect(a.fromRect, `${a.kind} ${a.subject}: the from anchor ${a.from} was drawn`).not.toBeNull();
  expect(a.toRect, `${a.kind} ${a.subject}: the to anchor ${a.to} was drawn`).not.toBeNull();
  expect(inside(a.start, a.fromRect) || inside(a.fromRect, a.start), `${a.kind} starts at ${a.from}`).toBe(true);
  expect(inside(a.land, a.toRect), `${a.kind} lands in ${a.to}`).toBe(true);
}

export async function setSpeed(page: Page, label: string): Promise<void> {
  await page.getByLabel('Animation speed').selectOption({ label });
}

/** Open the app with the diagram at this animation speed, and put the keyboard in the producer's console. */
export async function openDiagram(page: Page, speed = 'instant'): Promise<void> {
  await openApp(page);
  await setSpeed(page, speed);
  await page.locator('[aria-label="Console producer"]').click();
}
