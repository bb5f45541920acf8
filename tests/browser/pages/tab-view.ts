import type { FrameLocator, Locator, Page } from 'playwright-core';

/**
 * The Confer tab, wherever it runs: a top-level page (browser mode) or the iframe inside the Teams host page.
 */
export class TabView {
  constructor(private readonly root: Page | FrameLocator) {}

  get signedInName(): Locator {
    return this.root.getByTestId('signed-in-name');
  }

  get heading(): Locator {
    return this.root.getByRole('heading', { level: 2, name: 'Your next 7 days' });
  }

  /** Home's "Next 7 days" tab: the whole Outlook calendar for the week. */
  get weekTab(): Locator {
    return this.root.getByRole('tab', { name: 'Next 7 days' });
  }

  /** "Grant permission", wherever the tab offers it (Home's connection banner or an error panel). */
  get grantPermission(): Locator {
    return this.root.getByRole('button', { name: 'Grant permission' }).first();
  }

  get timeZoneNote(): Locator {
    return this.root.getByTestId('time-zone-note');
  }

  get canvas(): Locator {
    return this.root.getByTestId('tab-canvas');
  }

  get events(): Locator {
    return this.root.getByTestId('event');
  }

  get errorAlert(): Locator {
    return this.root.getByRole('alert');
  }

  /**
   * Opens Home's "Next 7 days" tab and waits until the week has loaded (its time-zone note only exists with data: not while loading, not on an error,
   * where the host's account name may already be shown) and returns the person's name.
   */
  async waitForWeek(timeout = 20_000): Promise<string> {
    await this.weekTab.click({ timeout });
    await this.timeZoneNote.waitFor({ timeout });
    return (await this.signedInName.textContent()) ?? '';
  }

  day(dateKey: string): Locator {
    return this.root.locator(`[data-testid="day"][data-date="${dateKey}"]`);
  }

  eventsOn(dateKey: string): Locator {
    return this.day(dateKey).getByTestId('event');
  }

  /** The visible subjects of the cards, in order. */
  async subjects(): Promise<string[]> {
    return this.events.locator('[data-part="subject"]').allTextContents();
  }

  async canvasBackground(): Promise<string> {
    return this.canvas.evaluate((element) => getComputedStyle(element).backgroundColor);
  }

  async signOut(): Promise<void> {
    await this.root.getByRole('button', { name: 'Sign out' }).click();
  }
}
