import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** The history review: the saved-rooms list, its tools, and one saved room. */
export class HistoryPage extends AppShell {
  readonly list: Locator;
  readonly search: Locator;
  readonly exportButton: Locator;
  readonly exportDialog: Locator;
  readonly asOf: Locator;

  constructor(page: Page) {
    super(page);
    this.list = page.getByRole('listbox', { name: 'Saved rooms' });
    this.search = page.getByRole('searchbox', { name: 'Search history' });
    this.exportButton = page.getByRole('button', { name: 'Export…' });
    this.exportDialog = page.getByRole('dialog', { name: 'Export room history' });
    this.asOf = page.locator('[data-as-of]');
  }

  row(code: string): Locator {
    return this.list.locator(`[data-room-code="${code}"]`);
  }

  /** The saved room's limits (participants and limits are definition lists under their headings). */
  limits(): Locator {
    return this.page.locator('.rd-room').getByRole('definition');
  }

  async open(): Promise<void> {
    await this.goTo('History');
  }
}
