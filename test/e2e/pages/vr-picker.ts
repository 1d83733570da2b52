import type { Locator, Page } from '@playwright/test';

/** The "Choose a VR" dialog of the new-room form. */
export class VrPicker {
  readonly dialog: Locator;
  readonly search: Locator;
  readonly list: Locator;
  readonly options: Locator;
  /** The option the arrows point at (the search box's `aria-activedescendant`). */
  readonly activeOption: Locator;
  readonly loadMore: Locator;
  readonly cancel: Locator;
  readonly error: Locator;
  readonly retry: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Choose a VR' });
    this.search = this.dialog.getByRole('combobox', { name: 'Search by name or code' });
    this.list = this.dialog.getByRole('listbox', { name: 'Your VRs' });
    this.options = this.list.getByRole('option');
    this.activeOption = this.list.getByRole('option', { selected: true });
    this.loadMore = this.dialog.getByRole('button', { name: 'Load more' });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel' });
    this.error = this.dialog.getByRole('alert');
    this.retry = this.dialog.getByRole('button', { name: 'Try again' });
  }

  option(name: string | RegExp): Locator {
    return this.list.getByRole('option', { name });
  }
}
