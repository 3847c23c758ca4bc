/** The workspace survives a reload and a crash of the tab: it is saved as it changes and read back through restore(). */
import { expect, test } from '@playwright/test';
import { SEED_CLOCK } from './helpers.ts';
import { consoleTexts, openScenarioApp, position, typeIn } from './scenario-helpers.ts';

test('a reload keeps the session: same consoles, same replies, same position', async ({ page }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD jobs * task a');
  await typeIn(page, 'alice', 'XGROUP CREATE jobs g 0');
  await typeIn(page, 'alice', 'XREADGROUP GROUP g alice STREAMS jobs >');
  const before = await consoleTexts(page);
  await page.waitForTimeout(500); // the save is debounced by 300 ms
  await page.reload();
  await openScenarioApp(page);
  expect(await position(page)).toEqual({ cursor: 3, length: 3, branches: 1 });
  expect(await consoleTexts(page)).toEqual(before);
});

test('when the browser will not store the session, the page says a reload would lose it, until a save works again', async ({ page }) => {
  // Storage refuses every write of the workspace, as a full quota does, until the test lets it through.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.includes('workspace') && !(window as { storageOk?: boolean }).storageOk) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD jobs * task a');
  const message = page.getByTestId('scenario-message');
  await expect(message).toContainText('a reload would lose it');
  // The session itself goes on.
  await typeIn(page, 'producer', 'XLEN jobs');
  expect((await consoleTexts(page)).producer).toContain('(integer) 1');
  await page.evaluate(() => ((window as { storageOk?: boolean }).storageOk = true));
  await typeIn(page, 'producer', 'XADD jobs * task b');
  await expect(message).toHaveCount(0);
  await page.reload();
  await openScenarioApp(page);
  expect(await position(page)).toEqual({ cursor: 3, length: 3, branches: 1 });
});

test('a tab that crashes (closed without unload) keeps its workspace', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD jobs * task a');
  await page.waitForTimeout(500);
  await page.close({ runBeforeUnload: false });
  const again = await ctx.newPage();
  await openScenarioApp(again);
  expect((await consoleTexts(again)).producer).toContain('"1609097574170-0"');
  await ctx.close();
});

test('while commands keep coming, the workspace is still saved every 2 s (a crash loses only the last seconds)', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await openScenarioApp(page, SEED_CLOCK);
  // A command every 100 ms for 3.5 s: the save, debounced by 300 ms, never sees a quiet moment. What is in storage
  // at the last keystroke is what a crash at that moment would leave.
  const saved = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        localStorage.removeItem('streams-playground:workspace');
        let n = 0;
        const t = setInterval(() => {
          window.__diagram?.type('producer', `XADD jobs * n ${++n}\r`);
          if (n < 35) return;
          clearInterval(t);
          const text = localStorage.getItem('streams-playground:workspace');
          resolve(text ? (JSON.parse(text) as { steps: unknown[] }).steps.length : 0);
        }, 100);
      }),
  );
  // Saved at least every 2 s while the commands came: about the first 20 of them, at 2 s.
  expect(saved).toBeGreaterThanOrEqual(10);
  expect(saved).toBeLessThan(35);
  await ctx.close();
});

test('a workspace saved by version 1 still opens', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'streams-playground:workspace',
      JSON.stringify({ v: 1, title: 'Old', clock: { start: 1609097574170, step: 1 }, clients: ['producer'], script: ['producer> XADD s * a 1', '~ 10', 'producer> XLEN s'] }),
    );
  });
  await openScenarioApp(page);
  expect(await position(page)).toEqual({ cursor: 3, length: 3, branches: 1 });
  expect((await consoleTexts(page)).producer).toMatch(/"1609097574170-0"[\s\S]*\(integer\) 1/);
});

test('a corrupted workspace is reported and a fresh session starts', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('streams-playground:workspace', '{"v":2,"steps":'));
  await openScenarioApp(page);
  await expect(page.getByTestId('scenario-message')).toContainText('The saved workspace could not be opened');
  await typeIn(page, 'producer', 'PING');
  expect((await consoleTexts(page)).producer).toContain('PONG');
});

const FOLDED =
  "It starts from the engine's state after step 20,051 of the session it was made from: a scenario holds at most 20,000 steps, so the older ones are folded into its start.";

test('a session longer than a scenario may be (20,000 steps) is saved from a keyframe, and a reload brings it all back', async ({ page }) => {
  test.setTimeout(120_000);
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'alice', 'XGROUP CREATE jobs g $ MKSTREAM');
  // One paste of 20,050 lines: 20,050 steps, one round trip. (Saved as steps, the workspace was refused at the next
  // load, "steps has 20052 items", and the session was gone.)
  await page.evaluate(() => window.__diagram?.type('producer', 'XADD jobs * n 1\r'.repeat(20_050)));
  await expect.poll(() => position(page), { timeout: 60_000 }).toMatchObject({ cursor: 20_051 });
  await typeIn(page, 'alice', 'XREADGROUP GROUP g alice COUNT 2 STREAMS jobs >');
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('streams-playground:workspace') ?? '{}') as { steps?: unknown[]; state?: { snapshot?: unknown } }))
    .toMatchObject({ steps: [{ note: FOLDED }, { client: 'alice', command: 'XREADGROUP GROUP g alice COUNT 2 STREAMS jobs >' }], state: { snapshot: {} } });

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link' })).toContainText(`Link copied to the clipboard. ${FOLDED}`);

  await page.reload();
  await openScenarioApp(page);
  await expect(page.getByTestId('scenario-message')).toHaveCount(0);
  expect(await position(page)).toEqual({ cursor: 2, length: 2, branches: 1 });
  // The note that opens it says what happened to the older steps.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByText(FOLDED)).toBeVisible();
  await page.getByRole('button', { name: 'Go to the end' }).click();
  await expect.poll(() => position(page)).toEqual({ cursor: 2, length: 2, branches: 1 });
  await typeIn(page, 'alice', 'XLEN jobs');
  await typeIn(page, 'alice', 'XPENDING jobs g');
  const alice = (await consoleTexts(page)).alice;
  expect(alice).toContain('(integer) 20050');
  expect(alice).toMatch(/XPENDING jobs g\s+1\) \(integer\) 2/);
});

test('a session too big to open again is not saved over the last good save, and the page says so', async ({ page }) => {
  test.setTimeout(120_000);
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD jobs * task a');
  const saved = () => page.evaluate(() => localStorage.getItem('streams-playground:workspace') ?? '');
  await expect.poll(async () => (await saved()).includes('XADD jobs * task a')).toBe(true);
  const before = await saved();
  // 40,000 entries of 100-byte values: past 20,000 steps the scenario starts from a snapshot, and that snapshot is
  // over the 4,000,000 characters restore() accepts.
  await page.evaluate(() => window.__diagram?.type('producer', `10000 XADD big * f ${'x'.repeat(100)}\r`.repeat(4)));
  await expect.poll(() => position(page), { timeout: 60_000 }).toMatchObject({ cursor: 40_001 });
  await expect(page.getByTestId('scenario-message')).toContainText('This session is too big to save', { timeout: 20_000 });
  expect(await saved()).toBe(before);
  await page.reload();
  await openScenarioApp(page);
  expect(await position(page)).toEqual({ cursor: 1, length: 1, branches: 1 });
});
