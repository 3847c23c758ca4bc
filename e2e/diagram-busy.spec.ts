import { expect, test } from '@playwright/test';
import { openApp } from './helpers.ts';
import { clearAnimations, cmd, drawnLanes, lanes, openDiagram, setSpeed, settle, view } from './diagram-helpers.ts';

test.describe.configure({ timeout: 120_000 });

/** A busy stream stays drawable: 3,000 entries, five consumers with hundreds pending, a trim, a deletion. */
test('a busy scenario at 1280×720: windowed log, capped lanes, nothing overlapping', async ({ page }) => {
  await openDiagram(page);
  await cmd(page, 'XGROUP CREATE s g $ MKSTREAM');
  for (let i = 0; i < 3; i++) await cmd(page, '1000 XADD s * sensor 42 temp 21.5', 'producer', { timeout: 60_000 });
  for (const c of ['alice', 'bob', 'carol', 'dave', 'erin']) await cmd(page, `XREADGROUP GROUP g ${c} COUNT 300 STREAMS s >`);
  await cmd(page, 'XTRIM s MAXLEN ~ 2700');
  const v = await view(page);
  const s = v.streams[0];
  expect(s.length).toBeGreaterThanOrEqual(2700);
  expect(s.items.length).toBeLessThan(300);
  expect(s.groups[0].consumers.map((c) => [c.pending, c.tokens.length, c.more])).toEqual(
    Array.from({ length: 5 }, () => [300, 16, 284]),
  );
  await expect(page.locator('[data-group="g"] .more').first()).toHaveText('+284 more');
  // The log's line numbers have four digits now, and its indent still holds them (a marker wider than the indent
  // is cut at the box's left edge: "3007." read as "07.").
  const marker = await page.evaluate(() => {
    const ol = document.querySelector('section.log ol');
    const li = ol?.querySelector('li:last-child');
    if (!ol || !li) return null;
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return null;
    ctx.font = getComputedStyle(li).font;
    const number = Number(ol.getAttribute('start')) + ol.children.length - 1;
    return { number, width: ctx.measureText(`${number}. `).width, indent: parseFloat(getComputedStyle(ol).paddingLeft) };
  });
  expect(marker?.number).toBeGreaterThan(3000);
  expect(marker?.width).toBeLessThanOrEqual(marker?.indent ?? 0);
  await page.screenshot({ path: 'test-results/diagram/busy-1280x720.png' });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('heading', { name: 'Diagram' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/diagram/busy-360.png', fullPage: true });
  // The diagram does not spill sideways at 360 px: the log scrolls inside its own box.
  const right = await page.evaluate(() => {
    const d = document.querySelector('section.diagram');
    return d ? Math.max(d.getBoundingClientRect().right, d.scrollWidth > d.clientWidth ? Infinity : 0) : Infinity;
  });
  expect(right).toBeLessThanOrEqual(360);
});

test('under a stream of commands the diagram draws compactly, says so and counts the rest, then draws in full', async ({ page }) => {
  await openApp(page);
  await page.locator('[aria-label="Console producer"]').click();
  await cmd(page, 'XGROUP CREATE s g $ MKSTREAM');
  await cmd(page, '100 XADD s * f v');
  await cmd(page, 'XREADGROUP GROUP g alice COUNT 50 STREAMS s >');
  // A stream of batches (a command every 20 ms), with what the diagram shows sampled while it runs.
  const seen = await page.evaluate(
    () =>
      new Promise<{ note: boolean; tokens: number; more: string; entries: number; gaps: string[]; live: string; said: string; start: number }[]>((resolve) => {
        const samples: { note: boolean; tokens: number; more: string; entries: number; gaps: string[]; live: string; said: string; start: number }[] = [];
        let n = 0;
        const timer = setInterval(() => {
          window.__diagram?.type('producer', 'XADD s * f v\r');
          const lane = document.querySelector('[data-consumer="alice"]');
          samples.push({
            note: document.querySelector('[data-testid="busy-note"]') !== null,
            tokens: lane?.querySelectorAll('.token').length ?? 0,
            more: lane?.querySelector('.more')?.textContent ?? '',
            entries: document.querySelectorAll('[data-stream="s"] .entry').length,
            gaps: [...document.querySelectorAll('[data-stream="s"] .gap')].map((g) => g.textContent?.trim() ?? ''),
            live: document.querySelector('.log ol')?.getAttribute('aria-live') ?? '',
            said: document.querySelector('[data-testid="log-announcement"]')?.textContent ?? '',
            start: Number(document.querySelector('.log ol')?.getAttribute('start') ?? 0),
          });
          if (++n === 30) {
            clearInterval(timer);
            resolve(samples);
          }
        }, 20);
      }),
  );
  // Busy: the newest entries (older ones counted in a gap), alice's three oldest tokens and the other 47 counted.
  const busy = seen.filter((x) => x.note);
  expect(busy.length).toBeGreaterThan(0);
  for (const x of busy) {
    expect([x.tokens, x.more]).toEqual([3, '+47 more']);
    expect(x.entries).toBeLessThanOrEqual(13);
    expect(x.gaps.some((g) => /^⋯ \d+ entries/.test(g))).toBe(true);
    // Screen readers hear a summary every few seconds, not each of the lines streaming into the log.
    expect(x.live).toBe('off');
    // The newest lines keep their event numbers (not 1., 2., 3. again).
    expect(x.start).toBeGreaterThan(12);
  }
  expect(busy.some((x) => /^Busy: \d+ events? since the last summary; the newest: \S/.test(x.said))).toBe(true);
  // Settled: drawn in full again, without the note, and the log's lines are announced again.
  await settle(page);
  await expect(page.getByTestId('busy-note')).toHaveCount(0);
  await expect(page.getByTestId('log-announcement')).toHaveText(/^Settled/);
  await expect(page.locator('.log ol')).toHaveAttribute('aria-live', 'polite');
  expect(await drawnLanes(page, 'g')).toEqual(await lanes(page, 's', 'g'));
  expect((await lanes(page, 's', 'g'))[0].split(' ')).toHaveLength(17);
  await expect(page.locator('[data-consumer="alice"] .more')).toHaveText('+34 more');
});

test('hovering a token shows the command that inspects it; a log line highlights its tokens; pause holds the view', async ({ page }) => {
  await openDiagram(page);
  await cmd(page, 'XADD s 1-0 f v');
  await cmd(page, 'XGROUP CREATE s g 0');
  await cmd(page, 'XREADGROUP GROUP g alice STREAMS s >');
  await page.locator('[data-anchor="lane:0:s:g:alice"]').hover();
  await expect(page.getByTestId('inspect-command')).toHaveText('XPENDING s g - + 10 alice');
  await page.locator('[data-anchor="token:0:s:g:1-0"]').hover();
  await expect(page.getByTestId('inspect-command')).toHaveText('XPENDING s g 1-0 1-0 1');
  await page.getByText('Group g delivered 1-0 to alice').hover();
  await expect(page.locator('[data-anchor="token:0:s:g:1-0"]')).toHaveClass(/\bhl\b/);

  await page.getByRole('button', { name: /Pause/ }).click();
  await page.locator('[aria-label="Console producer"]').click();
  await page.keyboard.type('XACK s g 1-0\n');
  await expect(page.getByRole('button', { name: /Resume/ })).toContainText('1 waiting');
  await expect(page.locator('[data-anchor="token:0:s:g:1-0"]')).toHaveCount(1);
  await page.getByRole('button', { name: /Resume/ }).click();
  await expect(page.locator('[data-anchor="token:0:s:g:1-0"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.screenshot({ path: 'test-results/diagram/dark-after-ack.png' });
});

test('reduced motion from the OS: nothing flies, the landing spot glows', async ({ browser }) => {
  const ctx = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  await openApp(page);
  await expect(page.getByText('Reduced motion: changes glow instead of moving')).toBeVisible();
  await page.locator('[aria-label="Console producer"]').click();
  await cmd(page, 'XADD s 1-0 f v');
  expect(await page.locator('.overlay .fly').count()).toBe(0);
  await ctx.close();
});

test('a diagram taller than the page scrolls inside it, and copies fly only where it is on screen', async ({ page }) => {
  await openDiagram(page);
  await cmd(page, 'XGROUP CREATE orders shipping $ MKSTREAM');
  await cmd(page, '30 XADD orders * item book');
  for (const [name, n] of [['alice', 12], ['bob', 10], ['carol', 5]] as const) {
    await cmd(page, `XREADGROUP GROUP shipping ${name} COUNT ${n} STREAMS orders >`);
  }
  // Three lanes of tokens do not fit beside the consoles at 720 px: the diagram scrolls, the page does not, and the
  // header stays in sight while the user types.
  expect(await page.evaluate(() => document.scrollingElement?.scrollHeight)).toBe(720);
  await expect(page.getByRole('heading', { name: 'Streams Playground' })).toBeInViewport();

  // XTRIM turns every token into a ghost, most of them in lanes scrolled out of the diagram's view.
  await setSpeed(page, '1×');
  await page.evaluate(() => {
    const w = window as unknown as { __flown: number };
    w.__flown = 0;
    const overlay = document.querySelector('.diagram .overlay');
    new MutationObserver((ms) => ms.forEach((m) => (w.__flown += m.addedNodes.length))).observe(overlay as Node, { childList: true });
  });
  await clearAnimations(page);
  await cmd(page, 'XTRIM orders MAXLEN 10');
  const [flown, onScreen, recorded] = await page.evaluate(() => {
    const v = document.querySelector('.diagram .streams')?.getBoundingClientRect();
    const seen = (r: { x: number; y: number; w: number; h: number } | null) =>
      !!r && !!v && r.x < v.right && r.x + r.w > v.left && r.y < v.bottom && r.y + r.h > v.top;
    const all = window.__diagram?.animations() ?? [];
    const shown = all.filter((a) => a.start && a.land && (seen(a.start) || seen(a.land)));
    return [(window as unknown as { __flown: number }).__flown, shown.length, all.length];
  });
  // Flights that start or land in sight are flown; the others are recorded but not drawn over the rest of the page.
  expect(recorded).toBeGreaterThan(onScreen);
  expect(onScreen).toBeGreaterThan(0);
  expect(flown).toBe(onScreen);
});
