import type { FrameLocator, Locator, Page } from 'playwright-core';

export class SettingsView {
  constructor(private readonly root: Page | FrameLocator) {}

  get heading(): Locator {
    return this.root.getByRole('heading', { level: 1, name: 'Settings' });
  }

  get status(): Locator {
    return this.root.getByTestId('connection-status');
  }

  get message(): Locator {
    return this.root.getByTestId('connection-message');
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  get timeZone(): Locator {
    return this.root.getByLabel('Time zone', { exact: true });
  }

  reminder(label: string): Locator {
    return this.root.getByRole('checkbox', { name: label });
  }

  get overrideHours(): Locator {
    return this.root.getByRole('switch', { name: 'Use different working hours from Outlook' });
  }

  day(name: string): Locator {
    return this.root.getByRole('checkbox', { name });
  }

  get start(): Locator {
    return this.root.getByLabel('Start of day', { exact: true });
  }

  get end(): Locator {
    return this.root.getByLabel('End of day', { exact: true });
  }

  async save(): Promise<void> {
    await this.button('Save preferences').click();
    await this.root.getByText('Your preferences are saved.').waitFor();
  }
}
