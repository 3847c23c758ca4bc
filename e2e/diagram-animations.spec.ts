import { expect, test, type Page } from '@playwright/test';
import { selectConsole } from './helpers.ts';
import { clearAnimations, cmd, expectPlaced, ofKind, openDiagram, settle } from './diagram-helpers.ts';

/**
 * Every kind of event animates, and each animation starts where the thing was and lands where it went: the hook
 * records each one with the rectangle it started from and the one it landed in, measured on the real page.
 */
test.describe.configure({ timeout: 90_000 });

const start = openDiagram;

async function step(page: Page, line: string, console = 'producer', blocks = false) {
  await clearAnimations(page);
  await cmd(page, line, console, { blocks });
}

test('XADD appends, > delivers and moves the cursor, XACK moves the token to acknowledged', async ({ page }) => {
  await start(page);
  await step(page, 'XADD s 1-0 f v');
  for (const a of await ofKind(page, 'append')) expectPlaced(a);
  await step(page, 'XGROUP CREATE s g 0');
  for (const a of await ofKind(page, 'appear')) expectPlaced(a);
  await step(page, 'XREADGROUP GROUP g alice STREAMS s >');
  const [d] = await ofKind(page, 'deliver');
  expect([d.from, d.to]).toEqual(['entry:0:s:1-0', 'lane:0:s:g:alice']);
  expectPlaced(d);
  for (const a of await ofKind(page, 'cursor')) expectPlaced(a);
  await step(page, 'XACK s g 1-0');
  const [a] = await ofKind(page, 'ack');
  expect([a.from, a.to]).toEqual(['lane:0:s:g:alice', 'acked:0:s:g']);
  expectPlaced(a);
});

test('XCLAIM and XAUTOCLAIM move tokens between lanes; history reads pulse them', async ({ page }) => {
  await start(page);
  await cmd(page, 'XADD s 1-0 f v');
  await cmd(page, 'XADD s 2-0 f v');
  await cmd(page, 'XADD s 3-0 f v');
  await cmd(page, 'XGROUP CREATE s g 0');
  await cmd(page, 'XREADGROUP GROUP g alice STREAMS s >');
  await step(page, 'XCLAIM s g bob 0 1-0');
  const [c] = await ofKind(page, 'claim');
  expect([c.from, c.to, c.label]).toEqual(['lane:0:s:g:alice', 'lane:0:s:g:bob', '1-0 ×2']);
  expectPlaced(c);
  await step(page, 'XAUTOCLAIM s g carol 0 0 COUNT 1');
  for (const a of await ofKind(page, 'claim')) expectPlaced(a);
  await step(page, 'XREADGROUP GROUP g alice STREAMS s 0');
  for (const a of await ofKind(page, 'pulse')) expectPlaced(a);
});

test('XDEL leaves a tombstone and a ghost; trimming slides the head out; DELCONSUMER drops tokens', async ({ page }) => {
  await start(page);
  for (const n of [1, 2, 3, 4]) await cmd(page, `XADD s ${n}-0 f v`);
  await cmd(page, 'XGROUP CREATE s g 0');
  await cmd(page, 'XREADGROUP GROUP g alice COUNT 2 STREAMS s >');
  await step(page, 'XDEL s 2-0');
  for (const a of await ofKind(page, 'tombstone')) expectPlaced(a);
  const [gh] = await ofKind(page, 'ghost');
  expect(gh.to).toBe('token:0:s:g:2-0');
  expectPlaced(gh);
  await step(page, 'XTRIM s MAXLEN 1');
  for (const a of await ofKind(page, 'trim')) expectPlaced(a);
  await step(page, 'XGROUP DELCONSUMER s g alice');
  for (const a of await ofKind(page, 'drop')) expectPlaced(a);
});

test('NOACK reads pass through without tokens; plain XREAD readers get a marker', async ({ page }) => {
  await start(page);
  await cmd(page, 'XADD s 1-0 f v');
  await cmd(page, 'XGROUP CREATE s g 0');
  await step(page, 'XREADGROUP GROUP g bob NOACK STREAMS s >');
  for (const a of await ofKind(page, 'noack')) expectPlaced(a);
  await expect(page.locator('[data-group="g"] .token')).toHaveCount(0);
  await step(page, 'XREAD STREAMS s 0');
  const [r] = await ofKind(page, 'read');
  expect(r.to).toMatch(/^reader:/);
  expectPlaced(r);
});

test('XNACK returns a token to the group unowned', async ({ page }) => {
  await start(page);
  await cmd(page, 'XADD s 1-0 f v');
  await cmd(page, 'XGROUP CREATE s g 0');
  await cmd(page, 'XREADGROUP GROUP g alice STREAMS s >');
  await step(page, 'XNACK s g SILENT IDS 1 1-0');
  const [n] = await ofKind(page, 'nack');
  expect([n.from, n.to]).toEqual(['lane:0:s:g:alice', 'unowned:0:s:g']);
  expectPlaced(n);
});

test('a blocked reader waits with a countdown, and the XADD that serves it draws the wake-up', async ({ page }) => {
  await start(page);
  await cmd(page, 'XADD s 1-0 f v');
  await selectConsole(page, 'alice');
  await page.locator('[aria-label="Console alice"]').click();
  await step(page, 'XREAD BLOCK 5000 STREAMS s $', 'alice', true);
  for (const a of await ofKind(page, 'block')) expectPlaced(a);
  await expect(page.getByRole('list', { name: 'Clients waiting on this stream' })).toContainText('5.0 s left');
  await selectConsole(page, 'producer');
  await page.locator('[aria-label="Console producer"]').click();
  await step(page, 'XADD s 2-0 f v');
  const [w] = await ofKind(page, 'wake');
  expect(w.from).toBe('entry:0:s:2-0');
  expectPlaced(w);
});

test('at normal speed an animation flies for a while, then ends where it was headed', async ({ page }) => {
  await start(page, '1×');
  await step(page, 'XADD s 1-0 f v');
  const [a] = await ofKind(page, 'append');
  await settle(page);
  const [done] = await ofKind(page, 'append');
  expect(done.endedAt).not.toBeNull();
  expect((done.endedAt ?? 0) - done.startedAt).toBeGreaterThan(300);
  expectPlaced(a);
});
