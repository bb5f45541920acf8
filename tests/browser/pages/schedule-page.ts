import type { FrameLocator, Locator, Page } from 'playwright-core';

export interface GridCellInfo {
  readonly day: number;
  readonly row: number;
  readonly start: string;
  readonly label: string;
}

/** The Schedule page: people, meeting details, the time picker (grid, suggestions, clash check) and Create. */
export class SchedulePage {
  constructor(private readonly scope: Page | FrameLocator) {}

  get page(): Locator {
    return this.scope.getByTestId('schedule-page');
  }

  get grid(): Locator {
    return this.scope.getByRole('grid');
  }

  get suggestions(): Locator {
    return this.scope.getByTestId('suggestion');
  }

  get banner(): Locator {
    return this.scope.getByTestId('availability-banner');
  }

  get clashCheck(): Locator {
    return this.scope.getByTestId('clash-check');
  }

  get createButton(): Locator {
    return this.scope.getByRole('button', { name: 'Create', exact: true });
  }

  get createConflicts(): Locator {
    return this.scope.getByTestId('create-conflicts');
  }

  get created(): Locator {
    return this.scope.getByTestId('created-meeting');
  }

  get joinLink(): Locator {
    return this.scope.getByTestId('join-link');
  }

  get peopleInput(): Locator {
    return this.scope.getByRole('combobox', { name: 'Add people' });
  }

  get slotDetails(): Locator {
    return this.scope.getByTestId('slot-details');
  }

  get legend(): Locator {
    return this.scope.getByTestId('grid-legend');
  }

  /** Waits until the grid is drawn with everyone's calendars and the suggestions have arrived. */
  async waitForPicker(timeout = 30_000): Promise<void> {
    await this.page.waitFor({ timeout });
    await this.grid.waitFor({ timeout });
    await this.scope
      .getByTestId('suggestions')
      .locator('[data-testid="suggestion"], p, span')
      .first()
      .waitFor({ timeout });
  }

  /** Anything in the page by CSS selector (for marks that have no role: they are drawn, and named in words). */
  root(selector: string): Locator {
    return this.scope.locator(selector);
  }

  unknownLane(email: string): Locator {
    return this.scope.locator(`[data-mark="unknown"][data-person="${email}"]`);
  }

  cell(day: number, row: number): Locator {
    return this.scope.locator(`[role="gridcell"][data-day="${day}"][data-row="${row}"]`);
  }

  /** Every slot on screen with its accessible name, in reading order. */
  async cells(): Promise<GridCellInfo[]> {
    return this.grid.locator('[role="gridcell"]').evaluateAll((elements) =>
      elements.map((element) => ({
        day: Number(element.getAttribute('data-day')),
        row: Number(element.getAttribute('data-row')),
        start: element.getAttribute('data-start') ?? '',
        label: element.getAttribute('aria-label') ?? '',
      })),
    );
  }

  /** The first run of `length` consecutive future slots on one day whose names all match. */
  async findRun(match: (label: string) => boolean, length: number): Promise<GridCellInfo[]> {
    const cells = (await this.cells()).filter((c) => !c.label.includes('in the past'));
    const byKey = new Map(cells.map((c) => [`${c.day}:${c.row}`, c]));
    for (const cell of cells) {
      const run = Array.from({ length }, (_, i) => byKey.get(`${cell.day}:${cell.row + i}`));
      if (run.every((c) => c && match(c.label))) return run as GridCellInfo[];
    }
    throw new Error(`no ${length} consecutive slots match`);
  }

  async addPerson(search: string, optionName: string | RegExp): Promise<void> {
    await this.peopleInput.click();
    await this.peopleInput.pressSequentially(search);
    await this.scope.getByRole('option', { name: optionName }).click();
  }

  /** An invited person's chip (its dismiss button is named after them). */
  chip(name: string): Locator {
    return this.scope.getByRole('option', { name: `${name}, remove` });
  }

  /** A form field by its label (a required field's label ends with an asterisk). */
  field(label: string): Locator {
    return this.scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
  }

  async next(): Promise<void> {
    await this.scope.getByRole('button', { name: /Next (week|day)/ }).click();
  }
}
