/**
 * Room history review: everything the agent needs to look through past rooms with or without a
 * network. Each component speaks the app's language (from `I18nProvider`) and talks to main only
 * through its narrowed bridge. Import this module once to load the styles.
 *
 * - `HistoryScreen` — the whole review screen (banners, list, export, clear, room page); mount it
 *   as one route. Props: `profiles?` (id + label for the profile filter), `initialRoomCode?`,
 *   `showBanners?` (default true; false when the shell shows the two banners app-wide).
 * - `HistoryList` — the virtualized, searchable list. Props: `onOpenRoom(code)`,
 *   `selection?` + `onSelectionChange?` (room codes, for export), `profiles?`, `refreshKey?`
 *   (change to reload), `onTotalChange?(total)`, `pageSize?`.
 * - `HistoryRoomView` — one room from its last snapshot, "as of" its time, notes editable
 *   offline, delete with confirmation; refreshes itself when the network returns. Props: `roomCode`,
 *   `onBack?()`, `onDeleted()`, `onChanged?()`.
 * - `ExportDialog` — CSV/JSON, all rooms or the selection; shows where the file went. Props:
 *   `selectedCodes`, `totalRooms`, `onClose()`.
 * - `ClearHistoryDialog` — clear all after typing the confirmation word. Props:
 *   `onClose()`, `onCleared()`.
 * - `StartupReportBanner` — the history file was set aside or migrated at startup. Props:
 *   `report?` (asks main when omitted), `onDismiss?()`.
 * - `OfflineBanner` — shown while Realsee is unreachable, with "try now". Props: `asOf?`.
 * - `useNetworkState()` — `{ online, checkedAt, checking, checkNow }` from main's `networkState`.
 */
import './history.css';

export { ClearHistoryDialog, type ClearHistoryDialogProps } from './ClearHistoryDialog';
export { ExportDialog, type ExportDialogProps } from './ExportDialog';
export { HistoryList, type HistoryListProps } from './HistoryList';
export { HistoryRoomView, type HistoryRoomViewProps } from './HistoryRoomView';
export { HistoryScreen, type HistoryScreenProps } from './HistoryScreen';
export { OfflineBanner, type OfflineBannerProps } from './OfflineBanner';
export { StartupReportBanner, type StartupReportBannerProps } from './StartupReportBanner';
export { useNetworkState, type NetworkStatus } from './use-network-state';
