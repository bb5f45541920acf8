import type { FrameLocator, Locator, Page } from 'playwright-core';

/** The meeting page's "Edit details" panel (organizer only): title, agenda, people, place. */
export class MeetingEditPanel {
  constructor(private readonly root: Page | FrameLocator) {}

  get panel(): Locator {
    return this.root.getByTestId('edit-panel');
  }

  get openButton(): Locator {
    return this.root.getByRole('button', { name: 'Edit details', exact: true });
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await this.panel.waitFor();
  }

  get title(): Locator {
    return this.panel.getByRole('textbox', { name: /^Title/ });
  }

  get agenda(): Locator {
    return this.panel.getByRole('textbox', { name: 'Agenda' });
  }

  get place(): Locator {
    return this.panel.getByRole('textbox', { name: 'Where' });
  }

  get peopleInput(): Locator {
    return this.panel.getByRole('combobox', { name: 'Add people' });
  }

  async addPerson(search: string, optionName: string | RegExp): Promise<void> {
    await this.peopleInput.click();
    await this.peopleInput.pressSequentially(search);
    await this.root.getByRole('option', { name: optionName }).click();
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  get clashWarning(): Locator {
    return this.panel.getByTestId('clash-warning');
  }

  get error(): Locator {
    return this.panel.getByTestId('edit-error');
  }
}
