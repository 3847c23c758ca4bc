/** The timeline: back, forward, jump, undo, redo and branches leave the engine exactly where the timeline says. */
import { expect, test } from '@playwright/test';
import { SEED_CLOCK } from './helpers.ts';
import { consoleTexts, openScenarioApp, position, settled, typeIn } from './scenario-helpers.ts';

test('stepping back and forward, undo and redo, give exact replies afterwards', async ({ page }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD s * n 1');
  await typeIn(page, 'producer', 'XADD s * n 2');
  await typeIn(page, 'producer', 'XADD s * n 3');
  expect(await position(page)).toEqual({ cursor: 3, length: 3, branches: 1 });

  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await settled(page);
  expect(await position(page)).toEqual({ cursor: 1, length: 3, branches: 1 });
  // Settled means the move is done: the console already shows the transcript up to step 1, and no further.
  const producer = (await consoleTexts(page)).producer;
  expect(producer).toContain('XADD s * n 1');
  expect(producer).not.toContain('n 2');
  await expect.poll(() => page.evaluate(() => window.__playground?.summary()?.streams[0]?.length)).toBe(1);

  await page.getByRole('button', { name: 'Step forward' }).click();
  await settled(page);
  await expect.poll(() => page.evaluate(() => window.__playground?.summary()?.streams[0]?.length)).toBe(2);

  await page.getByRole('button', { name: 'Undo' }).click();
  await settled(page);
  expect((await position(page))?.cursor).toBe(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await settled(page);
  expect((await position(page))?.cursor).toBe(2);

  await page.getByRole('button', { name: 'Go to the end' }).click();
  await settled(page);
  // The state is exact: the next ID follows the third entry, as if nothing had moved.
  await typeIn(page, 'producer', 'XLEN s');
  expect((await consoleTexts(page)).producer).toMatch(/XLEN s\n\(integer\) 3/);
  await typeIn(page, 'producer', 'XRANGE s - + COUNT 1');
  expect((await consoleTexts(page)).producer).toContain('"1609097574170-0"');
});

test('typing after stepping back starts a branch; the old branch stays until discarded', async ({ page }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD s 1-0 n 1');
  await typeIn(page, 'producer', 'XADD s 2-0 n 2');
  await typeIn(page, 'producer', 'XADD s 3-0 n 3');
  await page.getByRole('button', { name: 'Step back' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await settled(page);
  await typeIn(page, 'producer', 'XADD s 9-0 n 9');
  expect(await position(page)).toEqual({ cursor: 2, length: 2, branches: 2 });
  await typeIn(page, 'producer', 'XRANGE s - +');
  const text = (await consoleTexts(page)).producer;
  expect(text.slice(text.lastIndexOf('XRANGE'))).toMatch(/"1-0"[\s\S]*"9-0"/);
  expect(text.slice(text.lastIndexOf('XRANGE'))).not.toContain('"2-0"');

  // Back to the old branch: its three entries are all there again.
  await page.getByRole('button', { name: 'Branch of 3 steps, forked at step 1', exact: true }).click();
  await settled(page);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await settled(page);
  await expect.poll(() => page.evaluate(() => window.__playground?.summary()?.streams[0]?.lastId)).toBe('3-0');

  // Discard the other branch.
  await page.getByRole('button', { name: /Discard the branch/ }).click();
  await expect.poll(async () => (await position(page))?.branches).toBe(1);
});

test('replaying a gallery scenario from the start steps through it', async ({ page }) => {
  await openScenarioApp(page, '?scenario=xack-basics');
  expect(await position(page)).toEqual({ cursor: 10, length: 10, branches: 1 });
  await page.getByRole('combobox', { name: 'Replay speed' }).selectOption('20');
  await page.getByRole('button', { name: 'Replay' }).click();
  await expect.poll(() => position(page), { timeout: 10_000 }).toEqual({ cursor: 10, length: 10, branches: 1 });
  expect((await consoleTexts(page)).redis).toContain('(integer) 2');
});

test('stepping back animates the change in reverse: the delivered token flies back to its entry', async ({ page }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD s 1-0 f v');
  await typeIn(page, 'producer', 'XGROUP CREATE s g 0');
  await typeIn(page, 'producer', 'XREADGROUP GROUP g alice STREAMS s >');
  await expect.poll(() => page.evaluate(() => window.__diagram?.view()?.streams[0]?.groups[0]?.consumers[0]?.tokens.length)).toBe(1);
  await page.evaluate(() => window.__diagram?.clearAnimations());
  await page.getByRole('button', { name: 'Step back' }).click();
  await settled(page);
  await expect.poll(() => page.evaluate(() => window.__diagram?.view()?.streams[0]?.groups[0]?.consumers[0]?.tokens.length ?? 0)).toBe(0);
  const back = await page.evaluate(() => window.__diagram?.animations().filter((a) => a.kind === 'drop' && a.subject === 'token:0:s:g:1-0') ?? []);
  expect(back).toHaveLength(1);
  // It starts where the token was and lands on the entry it came from.
  expect(back[0].fromRect).not.toBeNull();
  expect(back[0].to).toBe('entry:0:s:1-0');
  expect(back[0].toRect).not.toBeNull();
});

test('a keyframe holds the state at its own step when two consoles ran in the same round trip', async ({ page }) => {
  await openScenarioApp(page, SEED_CLOCK);
  // Both consoles submit in one task, so their commands travel to the engine together. The producer's 25th XADD
  // is a keyframe candidate; the engine state there must not include alice's XADD, which comes after it.
  await page.evaluate(() => {
    window.__diagram?.type('producer', '25 XADD s * n 1\r');
    window.__diagram?.type('alice', 'XADD s * n 2\r');
  });
  await expect.poll(() => position(page)).toEqual({ cursor: 26, length: 26, branches: 1 });
  await settled(page);
  const streamLength = () => page.evaluate(() => window.__playground?.summary()?.streams[0]?.length);
  await page.getByRole('button', { name: 'Step back' }).click();
  await settled(page);
  await expect.poll(streamLength).toBe(25);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await settled(page);
  await expect.poll(streamLength).toBe(26);
  await page.getByRole('button', { name: 'Go to the start' }).click();
  await settled(page);
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await settled(page);
  await expect.poll(streamLength).toBe(26);
});
