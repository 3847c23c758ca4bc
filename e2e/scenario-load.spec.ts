/** Big scenarios and docs transcripts: 10,000 steps load in under a second; a pasted transcript shows its differences. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SEED_CLOCK } from './helpers.ts';
import { consoleTexts, openScenarioApp, position, settled, typeIn } from './scenario-helpers.ts';

test('a scenario of 10,000 steps reaches its final state (load time printed)', async ({ page }) => {
  await openScenarioApp(page);
  const steps = Array.from({ length: 10_000 }, (_, i) => (i % 10 === 9 ? { client: 'c', command: 'XREADGROUP GROUP g c COUNT 10 STREAMS s >' } : { client: 'p', command: `XADD s * n ${i}` }));
  const scenario = { v: 2, title: 'Big', description: '', profile: 'redis-8', clock: { start: 1_700_000_000_000, mode: 'virtual', stepPerCommand: 1 }, clients: ['p', 'c'], steps, state: { commands: [{ client: 'p', command: 'XGROUP CREATE s g $ MKSTREAM' }] } };
  const load = async () => {
    expect(await page.evaluate((t) => window.__scenario?.open(t), JSON.stringify(scenario))).toBe(true);
    return page.evaluate(() => window.__scenario?.loadMs() ?? Infinity);
  };
  // The first load also replaces the three default consoles and warms the engine up; a docs page's second
  // scenario is the steady case. Both are printed (goal: under 1 s); time is not asserted on a shared machine.
  const cold = await load();
  const warm = await load();
  const phases = await page.evaluate(() => window.__scenario?.loadPhases());
  console.log(`10,000-step scenario loaded in ${cold.toFixed(0)} ms (first), ${warm.toFixed(0)} ms (again); phases ${JSON.stringify(phases)}`);
  expect(Number.isFinite(warm) && Number.isFinite(cold)).toBe(true);
  expect(await position(page)).toEqual({ cursor: 10_000, length: 10_000, branches: 1 });
  await expect.poll(() => page.evaluate(() => window.__playground?.summary()?.streams[0]?.length)).toBe(9_000);
  // Jumping back into the middle is exact too.
  await page.evaluate(() => window.__scenario?.jump(5_000));
  await expect.poll(() => page.evaluate(() => window.__playground?.summary()?.streams[0]?.length)).toBe(4_500);
});

test('a pasted docs transcript replays and shows where the page differs from Redis', async ({ page }) => {
  await openScenarioApp(page);
  const transcript = readFileSync(new URL('../web/scenario/fixtures/xack-page-transcript.txt', import.meta.url), 'utf8');
  await page.getByRole('button', { name: 'Paste' }).click();
  await page.getByLabel(/Paste a scenario/).fill(transcript);
  await page.getByRole('button', { name: 'Open' }).click();
  const diff = page.getByTestId('transcript-diff');
  await expect(diff).toContainText('replies differ from the page');
  const readgroup = diff.locator('li', { hasText: 'XREADGROUP GROUP mygroup Alice' });
  await expect(readgroup).toHaveAttribute('data-same', 'false');
  await expect(readgroup.locator('.actual')).toHaveText('(nil)');
  const firstAck = diff.locator('li', { hasText: 'XACK mystream mygroup 1609097574170-0' });
  await expect(firstAck.locator('.actual')).toHaveText('(integer) 0');
  await expect(firstAck.locator('.expected')).toHaveText('(integer) 1');
  expect((await consoleTexts(page)).client).toContain('dragonfly> XACK mystream mygroup 1609097574173-0');
});

test('opening a gallery scenario sets the session aside, with its own prompt; Bring it back restores both', async ({ page }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD mywork * a 1');
  const gallery = page.getByRole('combobox', { name: 'Open a built-in scenario' });
  await gallery.selectOption('xack-basics');
  await expect(page.getByTestId('set-aside')).toContainText('Your previous session (1 step, “Untitled session”) was set aside.');
  await expect.poll(async () => (await consoleTexts(page)).redis ?? '').toMatch(/dragonfly> /);
  // An unchanged scenario is not set aside in turn: the user's session stays the one offered back.
  await gallery.selectOption('load-balancing');
  await settled(page);
  await expect(page.getByTestId('set-aside')).toContainText('(1 step,');
  // Its prompt is the user's own again: the last scenario's does not carry over.
  await expect.poll(async () => Object.values(await consoleTexts(page)).join('\n')).toMatch(/127\.0\.0\.1:6379> /);
  expect(Object.values(await consoleTexts(page)).join('\n')).not.toContain('dragonfly>');
  await page.getByRole('button', { name: 'Bring it back' }).click();
  await settled(page);
  await expect(page.getByTestId('set-aside')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__playground?.summary()?.streams.map((s) => s.key))).toEqual(['mywork']);
  expect((await consoleTexts(page)).producer).toContain('XADD mywork * a 1');
});

test('Split shows each console at its end, also those that were hidden tabs while a scenario loaded', async ({ page }) => {
  await openScenarioApp(page, '?scenario=crashed-consumer');
  await page.getByLabel('Split').check();
  for (const name of ['alice', 'bob']) {
    // Their transcripts are longer than a split pane: the view is scrolled to the last line, as a terminal is.
    const atEnd = (n: string) => page.evaluate((c) => window.__playground?.viewport(c), n).then((v) => (v ? v.end > 0 && v.top === v.end : false));
    await expect.poll(() => atEnd(name)).toBe(true);
  }
});
