import { expect, test } from '@playwright/test';
import { expectApart, expectText, idle, openApp, paste, run, selectConsole, text } from './helpers.ts';

test.describe('a console', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('shows the redis-cli prompt and answers typed commands', async ({ page }) => {
    await expectText(page, 'producer', '127.0.0.1:6379> ');
    await run(page, 'PING');
    await expectText(page, 'producer', '127.0.0.1:6379> PING\nPONG\n127.0.0.1:6379> ');
  });

  test('prints errors and unknown commands as redis-cli does', async ({ page }) => {
    await run(page, 'NOSUCH a b');
    await expectText(page, 'producer', "(error) ERR unknown command 'NOSUCH', with args beginning with: 'a' 'b' ");
  });

  test('splits arguments with redis-cli quoting and rejects unbalanced quotes', async ({ page }) => {
    await run(page, 'SET "a b" "x\\ny"');
    await idle(page, 'producer');
    await run(page, 'GET "a b"');
    await expectText(page, 'producer', '> GET "a b"\n"x\\ny"\n');
    await run(page, 'GET "unbalanced');
    await expectText(page, 'producer', '> GET "unbalanced\nInvalid argument(s)\n');
  });

  test('recalls history with the up arrow', async ({ page }) => {
    await run(page, 'ECHO first');
    await idle(page, 'producer');
    await run(page, 'ECHO second');
    await idle(page, 'producer');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await text(page, 'producer')).split('> ECHO first').length).toBe(3);
    expect(await page.evaluate(() => window.__playground?.history('producer'))).toEqual(['ECHO first', 'ECHO second', 'ECHO first']);
  });

  test('keeps history across a reload, even one right after the command', async ({ page }) => {
    await run(page, 'ECHO kept');
    await idle(page, 'producer');
    // Saves are coalesced off the typing path; leaving the page writes what is still waiting.
    await page.reload();
    await expect.poll(() => page.evaluate(() => window.__playground?.history('producer'))).toEqual(['ECHO kept']);
  });

  test('draws a mouse selection in a console first shown late, and clears it on click', async ({ page }) => {
    // alice starts hidden: the redraws skipped while nothing is selected must not hide a real selection later.
    await selectConsole(page, 'alice');
    await run(page, 'ECHO selectme');
    await expectText(page, 'alice', '"selectme"');
    const box = await page.locator('[aria-label="Console alice"] .xterm-screen').boundingBox();
    if (!box) throw new Error('no console screen');
    await page.mouse.move(box.x + 4, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await expect(page.locator('[aria-label="Console alice"] .xterm-selection div').first()).toBeVisible();
    await page.mouse.click(box.x + 4, box.y + box.height - 6);
    await expect(page.locator('[aria-label="Console alice"] .xterm-selection div')).toHaveCount(0);
  });

  test('completes command names with Tab', async ({ page }) => {
    await page.keyboard.type('xgro');
    await page.keyboard.press('Tab');
    await page.keyboard.type('createc');
    await page.keyboard.press('Tab');
    await expectText(page, 'producer', '127.0.0.1:6379> xgroup createconsumer ');
  });

  test('runs console commands that move the virtual clock', async ({ page }) => {
    const before = await page.evaluate(() => window.__playground?.summary()?.now ?? 0);
    await run(page, ':clock +30s');
    await expectText(page, 'producer', `Clock: ${before + 30_000} (`);
    await run(page, 'FOO"');
    await expectText(page, 'producer', 'Invalid argument(s)');
  });
});

test.describe('redis-cli niceties', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('shows the remaining syntax as a grey hint and prints HELP', async ({ page }) => {
    await page.keyboard.type('XACK mystream ');
    await expectText(page, 'producer', '127.0.0.1:6379> XACK mystream group id [id ...]');
    await page.keyboard.press('Control+U');
    await run(page, 'HELP XACK');
    await expectText(page, 'producer', '  XACK key group id [id ...]\n  summary: ');
  });

  test('puts the database in the prompt, and the prompt setting changes it', async ({ page }) => {
    await run(page, 'SELECT 2');
    await expectText(page, 'producer', '> SELECT 2\nOK\n127.0.0.1:6379[2]>');
    await page.getByLabel('Prompt').selectOption('dragonfly');
    await page.getByRole('tab', { name: 'producer' }).click();
    await run(page, 'SELECT 0');
    await expectText(page, 'producer', 'dragonfly[2]> SELECT 0\nOK\ndragonfly>');
  });

  test('runs a paste of many lines in order', async ({ page }) => {
    const lines = Array.from({ length: 40 }, (_, i) => `RPUSH list ${i}`);
    // A real paste event on the focused console (what Ctrl-V delivers), with Unix line ends.
    await paste(page, lines.join('\n') + '\n');
    await expectText(page, 'producer', '> RPUSH list 39\n(integer) 40\n');
    const all = await text(page, 'producer');
    for (let i = 0; i < 40; i++) expect(all).toContain(`127.0.0.1:6379> RPUSH list ${i}\n(integer) ${i + 1}\n`);
  });

  test('runs a repeat count (redis-cli\'s "3 RPUSH …") on any line of a paste', async ({ page }) => {
    await paste(page, 'ECHO start\n3 RPUSH rep x\nLLEN rep\n');
    await expectText(page, 'producer', '> LLEN rep\n(integer) 3\n');
    expect(await text(page, 'producer')).not.toContain('unknown command');
  });

  test('a repeat count over the cap says so, runs the cap, and the next line still runs', async ({ page }) => {
    await paste(page, '20000 INCR n\nGET n\n');
    await expectText(page, 'producer', '> GET n\n"10000"\n');
    const all = await text(page, 'producer');
    expect(all).toContain('(integer) 10000\nRan it 10,000 times: a repeat count runs at most 10,000 times here (asked: 20,000).\n');
  });
});

test('formats RESP3 replies after HELLO 3 as redis-cli does', async ({ page }) => {
  await openApp(page);
  await run(page, 'CONFIG GET maxmemory');
  await expectText(page, 'producer', '> CONFIG GET maxmemory\n1) "maxmemory"\n2) "0"\n');
  await run(page, 'HELLO 3');
  await idle(page, 'producer');
  await run(page, 'CONFIG GET maxmemory');
  await expectText(page, 'producer', '> CONFIG GET maxmemory\n1# "maxmemory" => "0"\n');
});

test('draws underscores (DejaVu Sans Mono puts them below the cell, where a line height of 1 clipped them)', async ({ page }) => {
  await openApp(page);
  await run(page, 'ECHO x_y');
  await expectText(page, 'producer', '> ECHO x_y\n"x_y"\n');
  await run(page, 'ECHO "x y"');
  await expectText(page, 'producer', '> ECHO "x y"\n"x y"\n');
  // PING moves the cursor on: each reply row is then followed by a prompt line, not by the cursor.
  await run(page, 'PING');
  await expectText(page, 'producer', '> PING\nPONG\n');
  // The two reply rows differ only in that one character: their pixels must differ too.
  const rows = page.locator('[aria-label="Console producer"] .xterm-rows > div');
  const row = (shown: string) => rows.filter({ hasText: new RegExp(`^${shown}\\s*$`) }).first();
  const [withUnderscore, withSpace] = await Promise.all([row('"x_y"').screenshot(), row('"x y"').screenshot()]);
  expect(withUnderscore.equals(withSpace)).toBe(false);
});

test('Split shows every console side by side: each named, typed into where clicked, nothing overlapping', async ({ page }) => {
  await openApp(page);
  await page.getByRole('checkbox', { name: 'Split' }).check();
  const names = page.locator('.panel-name');
  await expect(names).toHaveText(['producer', 'alice', 'bob']);
  await page.locator('[aria-label="Console bob"]').click();
  await run(page, 'XREADGROUP GROUP g bob BLOCK 0 STREAMS s >');
  await expectText(page, 'bob', "(error) NOGROUP No such key 's' or consumer group 'g' in XREADGROUP with GROUP option");
  await page.locator('[aria-label="Console alice"]').click();
  await run(page, 'XGROUP CREATE s g $ MKSTREAM');
  await expectText(page, 'alice', '> XGROUP CREATE s g $ MKSTREAM\nOK\n');
  await page.locator('[aria-label="Console bob"]').click();
  await run(page, 'XREADGROUP GROUP g bob BLOCK 0 STREAMS s >');
  await expect(page.getByText('Waiting: XREADGROUP is blocked')).toBeVisible();

  // At 1280×720 the page does not scroll, and no status line runs into a console below it; with six consoles the
  // rows keep their height and scroll inside the consoles' area.
  const expectConsolesApart = async (consoles: number) => {
    expect(await page.evaluate(() => document.scrollingElement?.scrollHeight)).toBe(720);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('.panels.split .panel-name, .panels.split .term, .panels.split .status')].map((e) => {
        const r = e.getBoundingClientRect();
        return { name: `${e.className.split(' ')[0]} ${e.closest('.panel')?.querySelector('.panel-name')?.textContent}`, x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    expect(boxes).toHaveLength(3 * consoles);
    expectApart(boxes);
  };
  await expectConsolesApart(3);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '+ Console' }).click();
  await expect(names).toHaveCount(6);
  await expectConsolesApart(6);
  // The setting is kept.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Split' })).toBeChecked();
  await expect(names).toHaveCount(6);
});
