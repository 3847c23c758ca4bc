/**
 * The console's view of the command docs (engine/docs): hints, HELP text and completion. One import site, so the
 * console depends on four functions, not on how the docs are organised. The docs load right after the page (they
 * are not needed to show a prompt, and keep the console-ready bundle small); until then hints and completion of
 * command names are simply empty, and HELP waits for them.
 */
type DocsModule = typeof import('../../engine/docs/index.ts');

let mod: DocsModule | null = null;
export const docsReady: Promise<void> = import('../../engine/docs/index.ts').then(
  (m) => {
    mod = m;
  },
  () => {},
);

export const docs = {
  /** Top-level command names. */
  commandNames: (): string[] => mod?.commandNames() ?? [],
  /** Subcommands and option tokens valid after the complete words `args`, filtered by `partial`. */
  completions: (args: readonly string[], partial: string): string[] => mod?.completions(args, partial) ?? [],
  /** What is still to type after the complete words `args` ('' when nothing or no match). */
  hint: (args: readonly string[]): string => mod?.hint(args) ?? '',
  /** redis-cli's HELP text, or '' when nothing matches. */
  helpText: (name: string): string => mod?.helpText(name) ?? '',
};
