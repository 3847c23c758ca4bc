/** Shared steps for the scenario and embed e2e tests: wait for the timeline, read it, type as a person would. */
import { expect, type Page } from '@playwright/test';
import { openApp, run, selectConsole, idle } from './helpers.ts';

/** Open the app and wait until the scenario session has booted (loaded its link, gallery entry or workspace). */
export async function openScenarioApp(page: Page, path = ''): Promise<void> {
  await openApp(page, path);
  await expect.poll(() => page.evaluate(() => window.__scenario !== undefined && !window.__scenario.busy())).toBe(true);
}

export async function typeIn(page: Page, name: string, line: string): Promise<void> {
  await selectConsole(page, name);
  await run(page, line);
  await idle(page, name);
}

export const position = (page: Page) => page.evaluate(() => window.__scenario?.position());

/** Every console's text, by name. */
export function consoleTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () =>
    Object.fromEntries(await Promise.all((window.__playground?.consoles() ?? []).map(async (c) => [c.name, (await window.__playground?.text(c.name)) ?? '']))),
  );
}

/** What the diagram draws, as the engine summarised it. */
export const diagramView = (page: Page) => page.evaluate(() => JSON.stringify(window.__playground?.summary()?.view ?? null));

/** Wait until the timeline has stopped moving. */
export async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__scenario?.busy())).toBe(false);
}
