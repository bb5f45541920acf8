import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Home: Confer meetings (upcoming, past) with responses and quick actions. */
export class HomeView {
  constructor(private readonly root: Page | FrameLocator) {}

  get heading(): Locator {
    return this.root.getByRole('heading', { level: 1, name: 'Your meetings' });
  }

  tab(name: 'Upcoming' | 'Past' | 'Next 7 days'): Locator {
    return this.root.getByRole('tab', { name });
  }

  get cards(): Locator {
    return this.root.getByTestId('meeting-card');
  }

  card(title: string): Locator {
    return this.cards.filter({ has: this.root.getByRole('link', { name: title, exact: true }) });
  }

  get firstSteps(): Locator {
    return this.root.getByRole('heading', { name: 'Schedule your first conversation' });
  }

  /** The attendee's response badge text on a card, e.g. "Accepted". */
  responseOf(title: string, person: string): Locator {
    return this.card(title).getByRole('listitem').filter({ hasText: person });
  }

  async quickAction(title: string, action: string): Promise<void> {
    await this.card(title)
      .getByRole('button', { name: `Actions for ${title}` })
      .click();
    await this.root.getByRole('menuitem', { name: action }).click();
  }

  async waitForList(timeout = 20_000): Promise<void> {
    await this.heading.waitFor({ timeout });
    await this.root
      .locator('[data-testid="meetings-zone-note"], #first-steps, #nothing-past')
      .first()
      .waitFor({ timeout });
  }
}
