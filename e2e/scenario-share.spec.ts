/** Share links and files: a session opened elsewhere gives the same replies, the same IDs and the same diagram. */
import { expect, test } from '@playwright/test';
import { SEED_CLOCK } from './helpers.ts';
import { consoleTexts, diagramView, openScenarioApp, position, typeIn } from './scenario-helpers.ts';

async function record(page: import('@playwright/test').Page): Promise<void> {
  await typeIn(page, 'producer', 'XGROUP CREATE mystream mygroup $ MKSTREAM');
  await typeIn(page, 'producer', 'XADD mystream * name Alice age 30');
  await typeIn(page, 'producer', 'XADD mystream * name Bob age 25');
  await typeIn(page, 'alice', 'XREADGROUP GROUP mygroup alice COUNT 1 STREAMS mystream >');
  await typeIn(page, 'bob', 'XREADGROUP GROUP mygroup bob COUNT 1 STREAMS mystream >');
  await typeIn(page, 'alice', 'XACK mystream mygroup 1609097574171-0');
  await typeIn(page, 'bob', 'XPENDING mystream mygroup - + 10');
}

test('a shared link opens the same session in a fresh browser', async ({ page, browser }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await record(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page).toHaveURL(/#s=1\./);
  const url = page.url();
  const before = await consoleTexts(page);
  const view = await diagramView(page);
  expect(before.alice).toContain('"1609097574171-0"');

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await openScenarioApp(fresh, url.slice(url.indexOf('?') >= 0 ? url.indexOf('?') : url.indexOf('#')));
  expect(await position(fresh)).toEqual({ cursor: 7, length: 7, branches: 1 });
  expect(await consoleTexts(fresh)).toEqual(before);
  expect(await diagramView(fresh)).toBe(view);
  await other.close();
});

test('a short session fits in a share link under 400 characters', async ({ page }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await record(page);
  const url = await page.evaluate(() => window.__scenario?.shareUrl() ?? '');
  expect(url.length).toBeLessThan(400);
});

test('an exported file imports into a fresh browser with the same replies', async ({ page, browser }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await record(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await (await download).path();
  const before = await consoleTexts(page);

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await openScenarioApp(fresh);
  await fresh.getByTestId('import-file').setInputFiles(file);
  await expect.poll(() => position(fresh)).toEqual({ cursor: 7, length: 7, branches: 1 });
  expect(await consoleTexts(fresh)).toEqual(before);
  await other.close();
});

test('a damaged link says so and still opens a working playground', async ({ page }) => {
  await openScenarioApp(page, '#s=1.AAAA-broken');
  await expect(page.getByTestId('scenario-message')).toContainText('The link could not be opened');
  await typeIn(page, 'producer', 'PING');
  expect((await consoleTexts(page)).producer).toContain('PONG');
});

test('Get embed code: the author picks panes, theme and origin, copies the snippet, and opens it as a reader would', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openScenarioApp(page, SEED_CLOCK);
  await record(page);
  await page.getByRole('button', { name: 'Get embed code' }).click();
  const code = page.locator('#embed-code');
  await expect(code).toHaveValue(/^<iframe src="[^"]*\?embed&panes=both#s=1\./);

  // A page address is not an origin: no code until it is one.
  await page.getByLabel("Your site's origin").fill('https://docs.example/xack');
  await expect(page.getByText('Not an origin')).toBeVisible();
  await expect(code).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Copy' })).toBeDisabled();

  await page.getByLabel("Your site's origin").fill('https://docs.example');
  await page.getByRole('combobox', { name: /^Shows/ }).selectOption('diagram');
  await page.getByRole('combobox', { name: /^Theme/ }).selectOption('dark');
  await expect(code).toHaveValue(/\?embed&panes=diagram&theme=dark&origin=https%3A%2F%2Fdocs\.example#s=1\./);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());

  // The link opens the embed: only the diagram, dark, with the recorded state.
  const [reader] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Open it as a reader sees it/ }).click()]);
  await expect(reader.locator('[data-stream="mystream"]')).toBeVisible({ timeout: 20_000 });
  await expect(reader.getByRole('region', { name: 'Consoles' })).toHaveCount(0);
  expect(await reader.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await expect(reader.getByRole('group', { name: 'Acknowledged by group mygroup (playground history)' })).toContainText('1 ·');
});

test('Server replays the session on an older Redis: its replies and errors, in the link too', async ({ page, browser }) => {
  await openScenarioApp(page, SEED_CLOCK);
  await typeIn(page, 'producer', 'XADD s 1-0 f v');
  await typeIn(page, 'producer', 'XADD s 2-0 f v');
  await typeIn(page, 'producer', 'XDELEX s IDS 1 1-0');
  await typeIn(page, 'producer', 'XLEN s');
  const texts = async () => (await consoleTexts(page)).producer;
  expect(await texts()).toContain('> XDELEX s IDS 1 1-0\n1) (integer) 1\n');

  const server = page.getByRole('combobox', { name: /^Server/ });
  await server.selectOption('redis-7.0');
  await expect.poll(texts).toContain("> XDELEX s IDS 1 1-0\n(error) ERR unknown command 'XDELEX', with args beginning with: 's' 'IDS' '1' '1-0' \n> XLEN s\n(integer) 2\n".replace(/\n> /g, '\n127.0.0.1:6379> '));
  await expect(page.getByRole('region', { name: 'What happened' }).getByRole('listitem').filter({ hasText: /^Replayed on Redis 7\.0\. Loaded/ })).toHaveCount(1);
  await typeIn(page, 'producer', 'INFO server');
  await expect.poll(texts).toContain('redis_version:7.0.15');

  // A share link keeps the server.
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page).toHaveURL(/#s=1\./);
  const other = await browser.newPage();
  await openScenarioApp(other, page.url().slice(page.url().indexOf('#')));
  await expect(other.getByRole('combobox', { name: /^Server/ })).toHaveValue('redis-7.0');
  await other.close();
});

test('?profile=redis-8.0 opens on Redis 8.0', async ({ page }) => {
  await openScenarioApp(page, '?profile=redis-8.0');
  await expect(page.getByRole('combobox', { name: /^Server/ })).toHaveValue('redis-8.0');
  await typeIn(page, 'producer', 'INFO server');
  await expect.poll(async () => (await consoleTexts(page)).producer).toMatch(/redis_version:8\.0\.\d+/);
});

test('clock values out of range, in the URL or the Set field, are refused with the range and the page works on', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openScenarioApp(page, '?start=9007199254740993&step=-3&clock=banana');
  await expect(page.getByTestId('scenario-message')).toContainText('?start=9007199254740993 was ignored: it takes Unix ms from 0 to 8640000000000000.');
  await expect(page.getByTestId('scenario-message')).toContainText('?clock=banana was ignored');
  await typeIn(page, 'producer', 'PING');
  expect((await consoleTexts(page)).producer).toContain('PONG');

  await page.getByLabel('Set', { exact: true }).fill('99999999999999999999');
  await page.getByLabel('Set', { exact: true }).press('Enter');
  await expect(page.locator('#clock-err')).toHaveText('Unix ms up to 8640000000000000, or an ISO date');
  await page.getByLabel('Set', { exact: true }).fill('8639999999999999');
  await page.getByLabel('Set', { exact: true }).press('Enter');
  await expect(page.getByTestId('clock-now')).toHaveText('8639999999999999');
  await page.getByRole('button', { name: '+1s' }).click();
  await expect(page.locator('#clock-err')).toContainText('The clock goes from 0 to 8640000000000000 ms');
  // A command at the end of time runs; the clock stops there.
  await typeIn(page, 'producer', 'XADD s * f v');
  await typeIn(page, 'producer', 'XADD s * f v');
  expect((await consoleTexts(page)).producer).toContain('"8640000000000000-0"');
  await typeIn(page, 'producer', ':clock +1d');
  expect((await consoleTexts(page)).producer).toContain('The clock goes from 0 to 8640000000000000 ms (the year 275760): 8640000086400000 is out of range.');
  expect(errors).toEqual([]);
});

test('Rename: a console takes a new name until it has commands on the timeline, and a share link replays it under that name', async ({ page, browser }) => {
  await openScenarioApp(page, SEED_CLOCK);
  const rename = async (to: string) => {
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('Console name').fill(to);
    await page.getByLabel('Console name').press('Enter');
  };
  await page.getByRole('tab', { name: 'alice' }).click();
  await rename('producer');
  await expect(page.getByRole('alert').filter({ hasText: 'There is already a console named producer.' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'alice' })).toBeVisible();
  await page.getByRole('tab', { name: 'alice' }).click();
  await rename('worker');
  await expect(page.getByRole('tab', { name: 'worker' })).toBeVisible();
  await expect(page.locator('[aria-label="Console worker"]')).toHaveCount(1);
  await typeIn(page, 'worker', 'XADD s * who worker');
  await page.getByRole('tab', { name: 'worker' }).click();
  await rename('w2');
  await expect(page.getByRole('alert').filter({ hasText: 'worker keeps its name: its commands are on the timeline' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'worker' })).toBeVisible();

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page).toHaveURL(/#s=1\./);
  const url = page.url();
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await openScenarioApp(fresh, url.slice(url.indexOf('?') >= 0 ? url.indexOf('?') : url.indexOf('#')));
  expect((await fresh.evaluate(() => window.__playground?.consoles().map((c) => c.name))) ?? []).toEqual(['producer', 'worker', 'bob']);
  expect((await consoleTexts(fresh)).worker).toContain('XADD s * who worker');
  await other.close();
});

test('a session too big for a link gets no link that would not open, and is told to export instead', async ({ page }) => {
  await openScenarioApp(page, SEED_CLOCK);
  // 3,000 lines of 100 random characters: about 260,000 characters as a link, past the 200,000 a link may carry.
  await page.evaluate(() => {
    const noise = () => Array.from({ length: 100 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('');
    window.__diagram?.type('producer', Array.from({ length: 3_000 }, () => `XADD s * f ${noise()}\r`).join(''));
  });
  await expect.poll(() => position(page), { timeout: 30_000 }).toMatchObject({ cursor: 3_000 });
  const before = page.url();
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'too big for a link' })).toContainText(
    /This session is too big for a link \(This link is too long \(\d+ characters; at most 200000\)\)\. Export it as a file instead\./,
  );
  expect(page.url()).toBe(before);
});
