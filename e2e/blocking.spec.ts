import { expect, test } from '@playwright/test';
import { expectText, idle, openApp, run, selectConsole, text } from './helpers.ts';

test('a console blocked in XREADGROUP BLOCK 0 wakes when another console adds an entry', async ({ page }) => {
  await openApp(page, '?start=1700000000000&step=1');
  await run(page, 'XGROUP CREATE jobs workers $ MKSTREAM');
  await idle(page, 'producer');

  await selectConsole(page, 'alice');
  await run(page, 'XREADGROUP GROUP workers alice BLOCK 0 STREAMS jobs >');
  await expect(page.getByRole('tab', { name: /alice.*waiting/ })).toBeVisible();
  await expect(page.getByText('Waiting: XREADGROUP is blocked')).toBeVisible();
  // Typed while blocked: waits, like a tty, and runs after the wake-up.
  await page.keyboard.type('XLEN jobs');
  await page.keyboard.press('Enter');

  await selectConsole(page, 'producer');
  await run(page, 'XADD jobs 1700000000100-0 task resize');
  await expectText(page, 'producer', '"1700000000100-0"');

  await expectText(
    page,
    'alice',
    [
      '127.0.0.1:6379> XREADGROUP GROUP workers alice BLOCK 0 STREAMS jobs >',
      '1) 1) "jobs"',
      '   2) 1) 1) "1700000000100-0"',
      '         2) 1) "task"',
      '            2) "resize"',
    ].join('\n'),
  );
  await expectText(page, 'alice', '127.0.0.1:6379> XLEN jobs\n(integer) 1\n');
  await expect(page.getByRole('tab', { name: /alice.*waiting/ })).toHaveCount(0);
});

test('Ctrl-C cancels a blocked command and the console reconnects', async ({ page }) => {
  await openApp(page);
  await selectConsole(page, 'bob');
  const before = await page.evaluate(() => window.__playground?.consoles().find((c) => c.name === 'bob')?.clientId);
  await run(page, 'XREAD BLOCK 0 STREAMS nothing $');
  await expect(page.getByRole('tab', { name: /bob.*waiting/ })).toBeVisible();
  await page.keyboard.press('Control+C');
  await idle(page, 'bob');
  await expectText(page, 'bob', 'XREAD BLOCK 0 STREAMS nothing $\n^C\n127.0.0.1:6379>');
  const after = await page.evaluate(() => window.__playground?.consoles().find((c) => c.name === 'bob')?.clientId);
  expect(after).not.toBe(before);
  await run(page, 'CLIENT GETNAME');
  await expectText(page, 'bob', '> CLIENT GETNAME\n"bob"');
  expect(await text(page, 'bob')).not.toContain('(error)');
});

test('a repeat count of a blocking command runs every repeat, each one waiting for its own wake-up', async ({ page }) => {
  await openApp(page);
  await selectConsole(page, 'alice');
  await run(page, '2 BLPOP q 0');
  await expect(page.getByRole('tab', { name: /alice.*waiting/ })).toBeVisible();
  await selectConsole(page, 'producer');
  await run(page, 'RPUSH q first');
  await idle(page, 'producer');
  // The first repeat was served; the second waits (it goes back to the prompt as "1 BLPOP q 0").
  // (redis-cli prints a blocking command's wait time after its reply when it waited half a second or more.)
  await expect.poll(() => text(page, 'alice')).toMatch(/> 2 BLPOP q 0\n1\) "q"\n2\) "first"\n(\(\d+\.\d\ds\)\n)?127\.0\.0\.1:6379> 1 BLPOP q 0$/);
  await expect(page.getByRole('tab', { name: /alice.*waiting/ })).toBeVisible();
  await run(page, 'RPUSH q second');
  await expectText(page, 'alice', '> 1 BLPOP q 0\n1) "q"\n2) "second"\n');
  await expect.poll(() => text(page, 'alice')).toMatch(/"second"\n(\(\d+\.\d\ds\)\n)?127\.0\.0\.1:6379> $/);
  await expect(page.getByRole('tab', { name: /alice.*waiting/ })).toHaveCount(0);
});

test('a reader blocked on a stream that does not exist yet shows in the diagram until the stream is created', async ({ page }) => {
  await openApp(page, '?start=1700000000000&step=1');
  await selectConsole(page, 'alice');
  await run(page, 'XREAD BLOCK 0 STREAMS orders $');
  const elsewhere = page.getByRole('list', { name: 'Clients waiting on keys not drawn here' });
  await expect(elsewhere).toHaveText(/alice waits \(XREAD\) on orders:\s+no such stream yet;\s+no timeout/);
  await selectConsole(page, 'producer');
  await run(page, 'XADD orders * item book');
  await expectText(page, 'alice', '1) 1) "orders"');
  await expect(elsewhere).toHaveCount(0);
  await expect(page.locator('[data-stream="orders"]')).toBeVisible();
});
