import type { Locator, Page } from '@playwright/test';
import { AppShell } from './app-shell';

/** The rooms list: search and the profile's rooms from the history store. */
export class RoomsPage extends AppShell {
  readonly list: Locator;
  readonly search: Locator;
  readonly count: Locator;

  constructor(page: Page) {
    super(page);
    this.list = page.getByRole('list', { name: 'Rooms' });
    this.search = page.getByRole('searchbox', { name: 'Search rooms' });
    this.count = page.getByRole('status').filter({ hasText: /\d+ rooms?$/ });
  }

  rows(): Locator {
    return this.list.getByRole('listitem');
  }

  async open(): Promise<void> {
    await this.goTo('Rooms');
  }

  async openRoom(name: RegExp): Promise<void> {
    await this.list.getByRole('button', { name }).click();
  }
}
