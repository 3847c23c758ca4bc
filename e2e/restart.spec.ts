import { expect, test } from '@playwright/test';
import { expectText, idle, openApp, paste, run, text } from './helpers.ts';

test('when the worker dies the page says so and restarts it from the last good state', async ({ page }) => {
  await openApp(page, '?start=1700000000000&step=1');
  await run(page, 'XADD s 1-1 f v');
  await idle(page, 'producer');
  await run(page, 'XGROUP CREATE s g 0');
  await idle(page, 'producer');
  // Everything up to the prompt line (a notice about the restart replaces the empty prompt line).
  const before = (await text(page, 'producer')).split('\n').slice(0, -1).join('\n');

  await page.evaluate(() => window.__playground?.killWorker());
  await expect(page.getByRole('alert')).toContainText('The engine stopped');
  await expect(page.getByRole('alert')).toContainText('restarted from the last saved state');

  // The console keeps its history and the engine its data.
  expect(await text(page, 'producer')).toContain(before);
  await run(page, 'XLEN s');
  await expectText(page, 'producer', '> XLEN s\n(integer) 1\n');
  await run(page, 'XINFO GROUPS s');
  await expectText(page, 'producer', '1)  1) "name"\n    2) "g"\n');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expectText(page, 'producer', '> XLEN s\n(integer) 1\n127.0.0.1:6379> XINFO GROUPS s');
});

test('a restart after commands on a big stream replays what came after the last snapshot', async ({ page }) => {
  // Past 1,000 entries the worker snapshots at most once a second (less often for bigger streams); the bridge
  // journals the calls in between.
  await openApp(page, '?start=1700000000000&step=1');
  await run(page, '6000 XADD big * f v');
  await idle(page, 'producer');
  // Pasted at once and the worker killed right after: well inside the second in which no new snapshot is taken.
  await paste(page, 'XADD big * f last\nXGROUP CREATE big g 0\n');
  await expectText(page, 'producer', '> XGROUP CREATE big g 0\nOK\n');
  await page.evaluate(() => window.__playground?.killWorker());
  await expect(page.getByRole('alert')).toContainText('restarted from the last saved state');
  await run(page, 'XLEN big');
  await expectText(page, 'producer', '> XLEN big\n(integer) 6001\n');
  await run(page, 'XREVRANGE big + - COUNT 1');
  await expectText(page, 'producer', '2) 1) "f"\n      2) "last"\n');
  await run(page, 'XINFO GROUPS big');
  await expectText(page, 'producer', '2) "g"\n');
});
