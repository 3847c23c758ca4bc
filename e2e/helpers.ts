/** Shared steps for the e2e tests: open the app, type into a console like a person, read what it shows. */
import { expect, type Page } from '@playwright/test';

/** The seed transcript's clock: a virtual clock at 1609097574170, 1 ms per command. */
export const SEED_CLOCK = '?start=1609097574170&step=1';

export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect.poll(() => page.evaluate(() => window.__playground?.readyAt() ?? 0), { timeout: 20_000 }).toBeGreaterThan(0);
}

export async function selectConsole(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Type a line into the focused console and press Enter. */
export async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Paste `data` into the focused console as Ctrl-V does: a real paste event carrying the text. */
export async function paste(page: Page, data: string): Promise<void> {
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

export function text(page: Page, name: string): Promise<string> {
  return page.evaluate(async (n) => (await window.__playground?.text(n)) ?? '', name);
}

/** Wait until the console shows `expected` (a substring of its whole text). */
export async function expectText(page: Page, name: string, expected: string): Promise<void> {
  await expect.poll(() => text(page, name), { timeout: 10_000 }).toContain(expected);
}

/** The console's text after its last line that starts with the prompt and the given command. */
export async function output(page: Page, name: string, command: string): Promise<string> {
  const all = await text(page, name);
  const at = all.lastIndexOf(`> ${command}\n`);
  return at < 0 ? '' : all.slice(at + command.length + 3);
}

/** Wait until the console is idle again (its command answered and the prompt is back). */
export async function idle(page: Page, name: string): Promise<void> {
  await expect
    .poll(() => page.evaluate((n) => window.__playground?.consoles().find((c) => c.name === n)?.state, name), { timeout: 10_000 })
    .toBe('idle');
}

/** A named rectangle on the page, as a test reads it from getBoundingClientRect. */
export interface NamedBox {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** No two of the boxes overlap (half a pixel of slack for rounding). */
export function expectApart(boxes: readonly NamedBox[]): void {
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apart = a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5;
      expect(apart, `${a.name} and ${b.name} do not overlap`).toBe(true);
    }
  }
}
