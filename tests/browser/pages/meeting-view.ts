import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The meeting page: summary, panels (reschedule, cancel, respond), notes, actions and history. */
export class MeetingView {
  constructor(private readonly root: Page | FrameLocator) {}

  get page(): Locator {
    return this.root.getByTestId('meeting-page');
  }

  heading(title: string): Locator {
    return this.root.getByRole('heading', { level: 1, name: title });
  }

  get when(): Locator {
    return this.root.getByTestId('meeting-when');
  }

  get done(): Locator {
    return this.root.getByTestId('meeting-done');
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  attendee(email: string): Locator {
    return this.root.locator(`[data-testid="attendee"][data-email="${email}"]`);
  }

  async open(title: string, timeout = 20_000): Promise<void> {
    await this.heading(title).waitFor({ timeout });
  }

  /** Picks the first suggested time in the open picker. */
  async pickFirstSuggestion(panel: Locator, timeout = 20_000): Promise<string> {
    const first = panel.getByTestId('suggestion').first();
    await first.waitFor({ timeout });
    const text = (await first.textContent()) ?? '';
    await first.click();
    return text;
  }

  /**
   * For one occurrence of a series: picks the first suggestion Outlook accepts, i.e. the first after which the
   * panel shows no "cannot move past the ones next to it" warning.
   */
  async pickSuggestionBetweenNeighbours(panel: Locator, timeout = 30_000): Promise<string> {
    const suggestions = panel.getByTestId('suggestion');
    await suggestions.first().waitFor({ timeout });
    const count = await suggestions.count();
    for (let index = 0; index < count; index++) {
      await suggestions.nth(index).click();
      if ((await panel.getByTestId('crossing-warning').count()) === 0)
        return (await suggestions.nth(index).textContent()) ?? '';
    }
    throw new Error('no suggestion fits between the neighbouring occurrences');
  }

  get reschedulePanel(): Locator {
    return this.root.getByTestId('reschedule-panel');
  }

  get cancelPanel(): Locator {
    return this.root.getByTestId('cancel-panel');
  }

  get respondPanel(): Locator {
    return this.root.getByTestId('respond-panel');
  }

  async chooseOccurrence(index: number): Promise<void> {
    const select = this.root.getByLabel('Occurrence', { exact: true });
    const value = await select.locator('option').nth(index).getAttribute('value');
    await select.selectOption(value ?? '');
  }

  note(visibility: 'private' | 'shared'): Locator {
    return this.root.getByTestId(`${visibility}-note`);
  }

  async writeNote(visibility: 'private' | 'shared', text: string): Promise<void> {
    const note = this.note(visibility);
    await note.getByRole('textbox').fill(text);
    await note.getByRole('button', { name: `Save ${visibility} note` }).click();
    await note
      .getByRole('status')
      .filter({ hasText: /^Saved / })
      .waitFor();
  }

  get othersNotes(): Locator {
    return this.root.getByTestId('others-note');
  }

  get actions(): Locator {
    return this.root.getByTestId('action');
  }

  action(title: string): Locator {
    return this.actions.filter({ hasText: title });
  }

  async addAction(title: string, owner: string, due: string): Promise<void> {
    const section = this.root.getByTestId('actions');
    await section.getByLabel('New action', { exact: true }).fill(title);
    await section.getByLabel('Owner', { exact: true }).selectOption({ label: owner });
    await section.getByLabel('Due date (optional)', { exact: true }).fill(due);
    await section.getByRole('button', { name: 'Add action' }).click();
    await this.action(title).waitFor();
  }

  get history(): Locator {
    return this.root.getByTestId('history').getByRole('listitem');
  }
}
